using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Server;

/// <summary>Source-generated log messages of the API host.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(101, LogLevel.Information, "Toxiproxy-compatible API listening on {Address}")]
    public static partial void ApiStarted(ILogger logger, Uri address);

    [LoggerMessage(102, LogLevel.Error, "Could not apply config file {Path}: {Reason}")]
    public static partial void ConfigFailed(ILogger logger, string path, string reason);

    [LoggerMessage(103, LogLevel.Information, "Applied config file {Path}: {Count} proxies")]
    public static partial void ConfigApplied(ILogger logger, string path, int count);

    [LoggerMessage(104, LogLevel.Warning, "Deprecated POST update of {Path}; clients should use PATCH")]
    public static partial void DeprecatedPost(ILogger logger, string path);
}
