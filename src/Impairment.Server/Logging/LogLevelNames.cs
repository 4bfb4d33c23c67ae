using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Server.Logging;

/// <summary>zerolog's level names (LOG_LEVEL values and the <c>level</c> field) mapped onto Microsoft.Extensions.Logging.</summary>
internal static class LogLevelNames
{
    public static bool TryParse(string text, out LogLevel level)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "trace":
                level = LogLevel.Trace;
                return true;
            case "debug":
                level = LogLevel.Debug;
                return true;
            case "info":
                level = LogLevel.Information;
                return true;
            case "warn" or "warning":
                level = LogLevel.Warning;
                return true;
            case "error":
                level = LogLevel.Error;
                return true;
            case "fatal" or "panic":
                level = LogLevel.Critical;
                return true;
            default:
                level = LogLevel.Trace;
                return false;
        }
    }

    public static string Name(LogLevel level) =>
        level switch
        {
            LogLevel.Trace => "trace",
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "error",
            _ => "fatal",
        };
}
