using System.Collections.Concurrent;
using Harness.Probes.Abstractions;

namespace Probes.Tests.Support;

/// <summary>Keeps every sample; tests wait on it with a bounded poll.</summary>
internal sealed class CollectingSink : ISampleSink
{
    private readonly ConcurrentQueue<Sample> _samples = new();

    public void Add(in Sample sample) => _samples.Enqueue(sample);

    public IReadOnlyList<Sample> All => [.. _samples];

    public IReadOnlyList<Sample> Of(string metric) => [.. _samples.Where(s => s.Metric == metric)];

    public async Task WaitForAsync(string metric, int count, CancellationToken ct)
    {
        while (_samples.Count(s => s.Metric == metric) < count)
            await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
    }
}
