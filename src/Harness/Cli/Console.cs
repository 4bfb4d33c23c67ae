using System.Globalization;

namespace Harness.Cli;

/// <summary>Progress goes to stderr (plain lines with elapsed time); results and diagnostics to stdout.</summary>
internal sealed class ConsoleOutput(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly object _gate = new();
    private Scenarios.Loading.Redactor _redactor = Scenarios.Loading.Redactor.None;

    /// <summary>From now on, these values are masked in everything printed.</summary>
    public void Redact(IEnumerable<string> secrets)
    {
        lock (_gate) _redactor = new Scenarios.Loading.Redactor(secrets);
    }

    public void Progress(string message)
    {
        var elapsed = time.GetElapsedTime(_started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        lock (_gate) Console.Error.WriteLine(_redactor.Apply($"[harness {elapsed,6}s] {message}"));
    }

    public void Line(string message)
    {
        lock (_gate) Console.Out.WriteLine(_redactor.Apply(message));
    }

    public void Error(string message)
    {
        lock (_gate) Console.Error.WriteLine(_redactor.Apply($"harness: {message}"));
    }
}
