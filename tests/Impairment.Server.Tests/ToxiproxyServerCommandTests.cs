using System.Text;
using System.Text.Json;
using Harness.Impairment.Server;
using Harness.Impairment.Server.Cli;
using Harness.Impairment.Server.Logging;
using Microsoft.Extensions.Logging;

namespace Impairment.Server.Tests;

/// <summary>toxiproxy-server's command line (spec 1.1, 1.2) with Go flag syntax, and the command's life cycle.</summary>
public sealed class ToxiproxyServerCommandTests
{
    private static readonly object[] ParseCases =
    [
        new object[] { Array.Empty<string>(), "localhost", "8474", "", null!, false, false, false },
        new object[] { new[] { "-host", "0.0.0.0", "-port", "9000" }, "0.0.0.0", "9000", "", null!, false, false, false },
        new object[] { new[] { "-host=::1", "--port=1", "--config", "c.json" }, "::1", "1", "c.json", null!, false, false, false },
        new object[] { new[] { "-seed", "42", "-proxy-metrics", "--runtime-metrics" }, "localhost", "8474", "", 42L, true, true, false },
        new object[] { new[] { "-seed=0x10", "-proxy-metrics=false", "-version=true" }, "localhost", "8474", "", 16L, false, false, true },
        new object[]
        {
            new[] { "-seed", "-7", "-runtime-metrics=1", "-runtime-metrics=F" },
            "localhost",
            "8474",
            "",
            -7L,
            false,
            false,
            false,
        },
        new object[] { new[] { "-port", "1", "-port", "2" }, "localhost", "2", "", null!, false, false, false },
        new object[] { new[] { "-port", "1", "extra", "-port", "2" }, "localhost", "1", "", null!, false, false, false },
        new object[] { new[] { "-version", "false" }, "localhost", "8474", "", null!, false, false, true },
        new object[] { new[] { "--", "-port", "2" }, "localhost", "8474", "", null!, false, false, false },
        new object[] { new[] { "-host", "" }, "", "8474", "", null!, false, false, false },
    ];

    [TestCaseSource(nameof(ParseCases))]
    public void Parse_ValidCommandLine_GivesGoFlagValues(
        string[] args,
        string host,
        string port,
        string config,
        long? seed,
        bool proxyMetrics,
        bool runtimeMetrics,
        bool version
    )
    {
        var flags = GoFlagParser.Parse(args).Flags;
        Assert.That(
            flags,
            Is.EqualTo(
                new ServerFlags
                {
                    Host = host,
                    Port = port,
                    Config = config,
                    Seed = seed,
                    ProxyMetrics = proxyMetrics,
                    RuntimeMetrics = runtimeMetrics,
                    Version = version,
                }
            )
        );
    }

    [TestCase(new[] { "-nope" }, "flag provided but not defined: -nope")]
    [TestCase(new[] { "--nope=1" }, "flag provided but not defined: -nope")]
    [TestCase(new[] { "-port" }, "flag needs an argument: -port")]
    [TestCase(new[] { "-seed", "abc" }, "invalid value \"abc\" for flag -seed: parse error")]
    [TestCase(new[] { "-seed", "1.5" }, "invalid value \"1.5\" for flag -seed: parse error")]
    [TestCase(new[] { "-proxy-metrics=yes" }, "invalid boolean value \"yes\" for -proxy-metrics: parse error")]
    [TestCase(new[] { "---port=1" }, "bad flag syntax: ---port=1")]
    [TestCase(new[] { "-=1" }, "bad flag syntax: -=1")]
    public void Parse_BadCommandLine_FailsWithGoMessage(string[] args, string error)
    {
        Assert.That(GoFlagParser.Parse(args).Error, Is.EqualTo(error));
    }

    [TestCase("-h")]
    [TestCase("--help")]
    public async Task Run_Help_PrintsUsageAndExits0(string flag)
    {
        var (code, stdout, stderr) = await RunToEndAsync([flag]);
        Assert.That(code, Is.Zero);
        Assert.That(stderr, Does.StartWith("Usage of toxiproxy-server:\n").And.Contain("  -proxy-metrics\n"));
        Assert.That(stdout, Is.Empty);
    }

    [Test]
    public async Task Run_UnknownFlag_PrintsErrorAndUsageAndExits2()
    {
        var (code, _, stderr) = await RunToEndAsync(["-bogus"]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("flag provided but not defined: -bogus\nUsage of toxiproxy-server:\n"));
    }

    [TestCase("-version")]
    [TestCase("--version=true")]
    public async Task Run_Version_PrintsVersionAndExits0(string flag)
    {
        var (code, stdout, _) = await RunToEndAsync([flag]);
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Is.EqualTo("toxiproxy-server version 2.12.0\n"));
    }

    [Test]
    public async Task Run_PortZero_ServesApiUntilCancelledThenExits0()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = new LineCapture();
        using var stop = new CancellationTokenSource();
        var run = ToxiproxyServerCommand.RunAsync(
            ["-port", "0", "-host", "127.0.0.1", "-proxy-metrics"],
            "info",
            stdout,
            TextWriter.Null,
            stop.Token
        );

        var started = await stdout.WaitForAsync(l => l.Contains("\"address\"", StringComparison.Ordinal), cts.Token);
        var address = JsonDocument.Parse(started).RootElement.GetProperty("address").GetString()!;
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Assert.That(await http.GetStringAsync("/version", cts.Token), Is.EqualTo("{\"version\": \"2.12.0\"}\n"));
        Assert.That((int)(await http.GetAsync("/metrics", cts.Token)).StatusCode, Is.EqualTo(200));

        await stop.CancelAsync();
        Assert.That(await run.WaitAsync(cts.Token), Is.Zero);
        var line = JsonDocument.Parse(started).RootElement;
        Assert.That(line.GetProperty("level").GetString(), Is.EqualTo("info"));
        Assert.That(line.GetProperty("time").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        Assert.That(line.TryGetProperty("message", out _), Is.True);
    }

    [Test]
    public async Task Run_ConfigFileWithProxies_CreatesThemBeforeServing()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var config = Path.Combine(Path.GetTempPath(), $"toxiproxy-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            config,
            """[{"name":"from-config","upstream":"x:1","listen":"127.0.0.1:0"},{"name":"bad"}]""",
            cts.Token
        );
        try
        {
            var stdout = new LineCapture();
            using var stop = new CancellationTokenSource();
            var run = ToxiproxyServerCommand.RunAsync(
                ["-port=0", "-host=127.0.0.1", $"-config={config}"],
                "",
                stdout,
                TextWriter.Null,
                stop.Token
            );
            var started = await stdout.WaitForAsync(l => l.Contains("\"address\"", StringComparison.Ordinal), cts.Token);
            using var http = new HttpClient
            {
                BaseAddress = new Uri(JsonDocument.Parse(started).RootElement.GetProperty("address").GetString()!),
            };
            // Validation fails on entry 2, so nothing is created (validate-all-first) and the failure is logged, not fatal.
            Assert.That(await http.GetStringAsync("/proxies", cts.Token), Is.EqualTo("{}"));
            Assert.That(stdout.Lines, Has.Some.Contains("missing required field: upstream at proxy 2").And.Contains("\"level\":\"error\""));
            await stop.CancelAsync();
            Assert.That(await run.WaitAsync(cts.Token), Is.Zero);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [TestCase("warn", false, true)]
    [TestCase("WARNING", false, true)]
    [TestCase("error", false, false)]
    [TestCase("panic", false, false)]
    [TestCase("debug", true, true)]
    [TestCase("trace", true, true)]
    public void LogLevel_Parsed_FiltersLines(string level, bool infoWritten, bool warningWritten)
    {
        Assert.That(LogLevelNames.TryParse(level, out var minimum), Is.True);
        var output = new StringWriter();
        using var provider = new JsonLineLoggerProvider(output, minimum, TimeProvider.System);
        var logger = provider.CreateLogger("Harness.Impairment");
        logger.LogInformation("Started proxy {ProxyName} listening on {Listen}", "redis", "127.0.0.1:1");
        logger.LogWarning("careful");
        var text = output.ToString();
        Assert.That(text.Contains("\"level\":\"info\"", StringComparison.Ordinal), Is.EqualTo(infoWritten));
        Assert.That(text.Contains("\"level\":\"warn\"", StringComparison.Ordinal), Is.EqualTo(warningWritten));
        if (infoWritten)
        {
            var line = JsonDocument.Parse(text.Split('\n')[0]).RootElement;
            Assert.That(line.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "level", "time", "message", "name", "listen" }));
            Assert.That(line.GetProperty("name").GetString(), Is.EqualTo("redis"));
        }
    }

    [Test]
    public async Task Run_UnknownLogLevel_LoggedAsErrorAndIgnored()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = new LineCapture();
        using var stop = new CancellationTokenSource();
        var run = ToxiproxyServerCommand.RunAsync(["-port", "0", "-host", "127.0.0.1"], "loud", stdout, TextWriter.Null, stop.Token);
        await stdout.WaitForAsync(l => l.Contains("\"address\"", StringComparison.Ordinal), cts.Token);
        await stop.CancelAsync();
        Assert.That(await run.WaitAsync(cts.Token), Is.Zero);
        Assert.That(stdout.Lines[0], Does.Contain("unknown LOG_LEVEL value: \\\"loud\\\"").And.Contain("\"level\":\"error\""));
    }

    [Test]
    public async Task Run_ApiPortTaken_LogsErrorAndExits1()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var (code, stdout, _) = await RunToEndAsync([
            "-host",
            "127.0.0.1",
            "-port",
            port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("\"level\":\"error\""));
    }

    // toxiproxy-server binds every interface for -host ""; here that takes an explicit address.
    [TestCase("")]
    [TestCase(" ")]
    public async Task Run_EmptyHost_RefusedWithExit2BeforeBinding(string host)
    {
        var (code, stdout, stderr) = await RunToEndAsync(["-host", host, "-port", "0"]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("-host \"\" would bind every interface: give -host 0.0.0.0"));
        Assert.That(stdout, Does.Not.Contain("\"address\""), "nothing listened");
    }

    [Test]
    public async Task Run_HostBeyondLoopback_WarnsOnStderr()
    {
        // 192.0.2.1 (TEST-NET-1) is no address of this machine: the bind fails (exit 1) after the warning,
        // so no test opens every interface.
        var (code, _, stderr) = await RunToEndAsync(["-host", "192.0.2.1", "-port", "0"]);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.StartWith("warning: -host 192.0.2.1: the API listens beyond loopback on port 0;"));
    }

    [TestCase("0.0.0.0", true)]
    [TestCase("::", true)]
    [TestCase("[::]", true)]
    [TestCase("10.1.2.3", true)]
    [TestCase("127.0.0.1", false)]
    [TestCase("127.0.0.2", false)]
    [TestCase("localhost", false)]
    [TestCase("::1", false)]
    public void HostFlag_Warning_OnlyBeyondLoopback(string host, bool warned)
    {
        Assert.That(HostFlag.Warning(host, 8474), warned ? Does.Contain($"-host {host}: the API listens beyond loopback") : Is.Null);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunToEndAsync(string[] args)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await ToxiproxyServerCommand.RunAsync(args, null, stdout, stderr, cts.Token).WaitAsync(cts.Token);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A thread-safe writer that keeps whole lines and lets a test await one.</summary>
    private sealed class LineCapture : TextWriter
    {
        private readonly object _gate = new();
        private readonly StringBuilder _current = new();
        private readonly List<string> _lines = [];
        private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

        public override Encoding Encoding => Encoding.UTF8;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_gate)
                    return [.. _lines];
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                if (value != '\n')
                {
                    _current.Append(value);
                    return;
                }
                var line = _current.ToString();
                _current.Clear();
                _lines.Add(line);
                foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                {
                    waiter.Done.TrySetResult(line);
                    _waiters.Remove(waiter);
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
                Write(c);
        }

        public async Task<string> WaitForAsync(Func<string, bool> match, CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                var existing = _lines.FirstOrDefault(match);
                if (existing is not null)
                    return existing;
                _waiters.Add((match, done));
            }
            return await done.Task.WaitAsync(cancellationToken);
        }
    }
}
