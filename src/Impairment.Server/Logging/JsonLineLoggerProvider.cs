using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Server.Logging;

/// <summary>
/// Toxiproxy's log shape: one JSON object per line (level, time, message, then context fields) on one writer.
/// Framework categories (Microsoft.*) are kept to warnings and above so debug output stays about proxies.
/// </summary>
internal sealed class JsonLineLoggerProvider(TextWriter output, LogLevel minimum, TimeProvider time) : ILoggerProvider
{
    private readonly object _gate = new();

    public ILogger CreateLogger(string categoryName)
    {
        var floor =
            categoryName.StartsWith("Microsoft.", StringComparison.Ordinal) && minimum < LogLevel.Warning ? LogLevel.Warning : minimum;
        return new JsonLineLogger(this, floor);
    }

    public void Dispose()
    {
        lock (_gate)
            output.Flush();
    }

    internal TimeProvider Time => time;

    internal void WriteLine(string line)
    {
        lock (_gate)
        {
            output.Write(line);
            output.Write('\n');
            output.Flush();
        }
    }
}
