using System.Globalization;
using Harness.Impairment.Server.Cli;
using Harness.Impairment.Server.Endpoints;
using Harness.Impairment.Server.Logging;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Server;

/// <summary>
/// <c>harness toxiproxy</c>: toxiproxy-server's command line (same flags, Go flag syntax, LOG_LEVEL, JSON log lines
/// on stdout). Runs until <paramref name="cancellationToken"/> is cancelled, then stops the API and every proxy.
/// Exit codes: 0 after cancellation, -version or -h; 2 for a bad command line (including <c>-host ""</c>, which
/// toxiproxy-server takes as every interface: here that needs an explicit address); 1 when the API cannot bind.
/// </summary>
public static class ToxiproxyServerCommand
{
    public const string ProgramName = "toxiproxy-server";

    /// <summary>The CLI edge: reads <c>LOG_LEVEL</c> from the environment, then runs.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, Environment.GetEnvironmentVariable("LOG_LEVEL"), stdout, stderr, cancellationToken);

    /// <summary>Runs with <paramref name="logLevel"/> as LOG_LEVEL (null or empty: no filtering, as in Toxiproxy).</summary>
    public static async Task<int> RunAsync(
        string[] args,
        string? logLevel,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var parsed = GoFlagParser.Parse(args);
        if (parsed.HelpRequested)
        {
            await stderr.WriteAsync(GoFlagParser.Usage(ProgramName)).ConfigureAwait(false);
            return 0;
        }
        if (parsed.Flags is not { } flags)
        {
            await stderr.WriteAsync(parsed.Error + "\n" + GoFlagParser.Usage(ProgramName)).ConfigureAwait(false);
            return 2;
        }
        if (flags.Version)
        {
            await stdout.WriteAsync($"{ProgramName} version {VersionEndpoints.Version}\n").ConfigureAwait(false);
            return 0;
        }

        if (HostFlag.IsEmpty(flags.Host))
        {
            await stderr.WriteAsync(HostFlag.EmptyError + "\n").ConfigureAwait(false);
            return 2;
        }

        var known = LogLevelNames.TryParse(logLevel ?? "trace", out var minimum) || string.IsNullOrWhiteSpace(logLevel);
        using var loggerFactory = new JsonLineLoggerFactory(
            new JsonLineLoggerProvider(stdout, known ? minimum : LogLevel.Trace, TimeProvider.System)
        );
        var logger = loggerFactory.CreateLogger("Harness.Impairment.Server");
        if (!known)
            CommandLog.UnknownLogLevel(logger, logLevel!);
        if (!int.TryParse(flags.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            CommandLog.ServerFailed(logger, $"listen tcp: lookup tcp/{flags.Port}: unknown port");
            return 1;
        }

        if (HostFlag.Warning(flags.Host, port) is { } warning)
            await stderr.WriteAsync(warning + "\n").ConfigureAwait(false);

        var options = new ToxiproxyServerOptions
        {
            Host = flags.Host,
            Port = port,
            Seed = flags.Seed,
            ProxyMetrics = flags.ProxyMetrics,
            RuntimeMetrics = flags.RuntimeMetrics,
            ConfigPath = flags.Config.Length == 0 ? null : flags.Config,
            LoggerFactory = loggerFactory,
        };
        EmbeddedToxiproxy server;
        try
        {
            server = await EmbeddedToxiproxy.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex)
            when (ex is IOException or System.Net.Sockets.SocketException or ArgumentException or InvalidOperationException)
        {
            CommandLog.ServerFailed(logger, ex.Message);
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                CommandLog.ShuttingDown(logger);
            }
        }
        return 0;
    }
}
