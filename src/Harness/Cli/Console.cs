using System.Globalization;
using Harness.Cli.Live;

namespace Harness.Cli;

/// <summary>
/// Progress goes to stderr (plain lines with elapsed time, a live view while one shows, nothing when quiet);
/// results and diagnostics to stdout. Everything printed is redacted here.
/// </summary>
internal sealed class ConsoleOutput(TimeProvider time, TextWriter? stdout = null, TextWriter? stderr = null)
{
    private readonly long _started = time.GetTimestamp();
    private readonly object _gate = new();
    private Scenarios.Loading.Redactor _redactor = Scenarios.Loading.Redactor.None;
    private LiveView? _live;

    /// <summary>How progress is shown; the CLI sets it from <c>--quiet</c>, <c>--no-color</c> and the terminal.</summary>
    public ProgressMode Mode { get; set; } = ProgressMode.Plain;

    public TimeProvider Time => time;

    // Resolved at each write, so a console redirected after construction (tests, hosts) is honoured.
    private TextWriter Out => stdout ?? Console.Out;

    private TextWriter Err => stderr ?? Console.Error;

    /// <summary>From now on, these values are masked in everything printed.</summary>
    public void Redact(IEnumerable<string> secrets)
    {
        lock (_gate)
            _redactor = new Scenarios.Loading.Redactor(secrets);
    }

    /// <summary>
    /// Masks the current secrets in <paramref name="text"/>: what every other view of the console (the live view) passes its strings
    /// through.
    /// </summary>
    public string Mask(string text)
    {
        lock (_gate)
            return _redactor.Apply(text);
    }

    /// <summary>While <paramref name="live"/> shows, progress and error lines go into it instead of onto stderr; null ends that.</summary>
    public void ShowIn(LiveView? live)
    {
        lock (_gate)
            _live = live;
    }

    public void Progress(string message)
    {
        if (Mode == ProgressMode.Quiet)
            return;
        var elapsed = time.GetElapsedTime(_started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var line = _redactor.Apply($"[harness {elapsed, 6}s] {message}");
            if (_live?.TryShow(line) == true)
                return;
            Err.WriteLine(line);
        }
    }

    public void Line(string message)
    {
        lock (_gate)
            Out.WriteLine(_redactor.Apply(message));
    }

    public void Error(string message)
    {
        lock (_gate)
        {
            var line = _redactor.Apply($"harness: {message}");
            if (_live?.TryShowError(line) == true)
                return;
            Err.WriteLine(line);
        }
    }
}
