namespace Harness.Probes.Browser;

/// <summary>
/// What a <see cref="BrowserProbe"/> captured beyond samples: iterations with step outcomes, artifact files,
/// console messages, page errors and failed requests, and notes (for example "video skipped"). Page strings
/// are kept verbatim (cut to a bounded length): encode them before showing them. Safe to read while running.
/// </summary>
public sealed class BrowserProbeReport
{
    private readonly Lock _lock = new();
    private readonly Queue<BrowserIterationResult> _iterations = new();
    private readonly List<BrowserArtifact> _artifacts = [];
    private readonly List<BrowserMessage> _messages = [];
    private readonly List<string> _notes = [];
    private readonly int _maxMessages;

    internal BrowserProbeReport(int maxMessages) => _maxMessages = maxMessages;

    /// <summary>The latest iterations, oldest first (at most 500; see <see cref="DroppedIterations"/>).</summary>
    public IReadOnlyList<BrowserIterationResult> Iterations
    {
        get
        {
            lock (_lock)
                return [.. _iterations];
        }
    }

    /// <summary>Every screenshot, trace and video saved, in the order saved.</summary>
    public IReadOnlyList<BrowserArtifact> Artifacts
    {
        get
        {
            lock (_lock)
                return [.. _artifacts];
        }
    }

    /// <summary>The first console errors and warnings, page errors and failed requests (bounded by the capture options).</summary>
    public IReadOnlyList<BrowserMessage> Messages
    {
        get
        {
            lock (_lock)
                return [.. _messages];
        }
    }

    /// <summary>Things the probe could not do as asked, each said once.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (_lock)
                return [.. _notes];
        }
    }

    public int DroppedIterations { get; private set; }

    public int DroppedMessages { get; private set; }

    internal void Add(BrowserIterationResult iteration)
    {
        lock (_lock)
        {
            _iterations.Enqueue(iteration);
            if (_iterations.Count <= BrowserProbeDefaults.MaxIterationsKept)
                return;
            _iterations.Dequeue();
            DroppedIterations++;
        }
    }

    internal void Add(BrowserArtifact artifact)
    {
        lock (_lock)
            _artifacts.Add(artifact);
    }

    internal void Add(BrowserMessage message)
    {
        lock (_lock)
        {
            if (_messages.Count < _maxMessages)
                _messages.Add(message);
            else
                DroppedMessages++;
        }
    }

    internal void Note(string note)
    {
        lock (_lock)
        {
            if (!_notes.Contains(note))
                _notes.Add(note);
        }
    }
}
