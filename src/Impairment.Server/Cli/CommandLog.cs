using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Server.Cli;

/// <summary>Log messages of the standalone command.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(201, LogLevel.Error, "unknown LOG_LEVEL value: \"{Value}\"")]
    public static partial void UnknownLogLevel(ILogger logger, string value);

    [LoggerMessage(202, LogLevel.Error, "Server finished with error: {Reason}")]
    public static partial void ServerFailed(ILogger logger, string reason);

    [LoggerMessage(203, LogLevel.Information, "Shutting down")]
    public static partial void ShuttingDown(ILogger logger);
}
