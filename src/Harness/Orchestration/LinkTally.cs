using Harness.Reports.Model;

namespace Harness.Orchestration;

/// <summary>One link's running figures: connections, answered waits and the waits callers gave up on.</summary>
internal sealed class LinkTally
{
    private readonly object _gate = new();
    private readonly List<double> _waits = [];
    private readonly List<double> _abandonedAfter = [];
    private long _connections;

    public void Connected() => Interlocked.Increment(ref _connections);

    public void Answered(double waitMs)
    {
        lock (_gate)
            _waits.Add(waitMs);
    }

    public void Abandoned(double waitMs)
    {
        lock (_gate)
            _abandonedAfter.Add(waitMs);
    }

    public LinkResult Fill(LinkResult link)
    {
        lock (_gate)
        {
            return link with
            {
                Connections = Interlocked.Read(ref _connections),
                Answered = _waits.Count,
                Abandoned = _abandonedAfter.Count,
                WaitMedianMs = Median(_waits),
                AbandonedAfterMedianMs = Median(_abandonedAfter),
            };
        }
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
