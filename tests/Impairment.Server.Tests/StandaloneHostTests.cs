using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Harness.Impairment.Server;
using Harness.TestSupport;

namespace Impairment.Server.Tests;

/// <summary>
/// src/Impairment.Server.Host (<c>harness-toxiproxy</c>) as a separate process, on the JIT build this test project
/// builds with it: toxiproxy-server's flags, GET /version, exit 0 on SIGTERM, exit 2 on a bad flag. The NativeAOT
/// publish of the same project takes minutes on two cores, so it is measured by hand (docs/toxiproxy-server.md).
/// </summary>
[NonParallelizable]
public sealed class StandaloneHostTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Test]
    public async Task Host_RealFlags_AnswersVersionAndExitsZeroOnSigterm()
    {
        var port = FreePort();
        using var server = HostProcess.Start("-host", "127.0.0.1", "-port", port.ToString(CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        var body = await PollVersionAsync(http, new Uri($"http://127.0.0.1:{port}/version"), server);

        Assert.That(body, Is.EqualTo("{\"version\": \"2.12.0\"}\n"));
        server.Signal("TERM");
        Assert.That(await server.WaitForExitAsync(), Is.Zero, $"exit 0 on SIGTERM; stderr: {server.Stderr}");
        Assert.That(server.Stdout, Does.Contain("Shutting down"), "the signal went through the command's own shutdown");
    }

    [Test]
    public async Task Host_VersionFlag_PrintsToxiproxyServerVersion()
    {
        using var server = HostProcess.Start("-version");

        Assert.That(await server.WaitForExitAsync(), Is.Zero, server.Stderr);
        Assert.That(server.Stdout, Is.EqualTo("toxiproxy-server version 2.12.0\n"));
    }

    [Test]
    public async Task Host_UnknownFlag_ExitsTwoWithGoMessage()
    {
        using var server = HostProcess.Start("-nope");

        Assert.That(await server.WaitForExitAsync(), Is.EqualTo(2));
        Assert.That(server.Stderr, Does.StartWith("flag provided but not defined: -nope\nUsage of toxiproxy-server:"));
    }

    [Test]
    public async Task Host_SocketEngine_RunsInlineCompletionsWithOneEventThreadPerCore()
    {
        // .NET runs one socket event thread per core only with inline completions (otherwise one for up to 30 cores).
        if (Environment.ProcessorCount == 1)
            Assert.Ignore("one core: the socket engine's thread count is the same with inline completions or without");
        var port = FreePort();
        using var server = HostProcess.Start("-host", "127.0.0.1", "-port", port.ToString(CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        await PollVersionAsync(http, new Uri($"http://127.0.0.1:{port}/version"), server);

        var engines = Directory
            .GetDirectories($"/proc/{server.Id}/task")
            .Count(task => File.ReadAllText(Path.Combine(task, "comm")).Trim() == ".NET Sockets");

        Assert.That(engines, Is.EqualTo(Environment.ProcessorCount), "socket event threads in the server");
        server.Signal("TERM");
        Assert.That(await server.WaitForExitAsync(), Is.Zero, server.Stderr);
    }

    private static async Task<string> PollVersionAsync(HttpClient http, Uri version, HostProcess server)
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < Bound)
        {
            Assert.That(server.HasExited, Is.False, $"harness-toxiproxy exited early; stderr: {server.Stderr}");
            try
            {
                return await http.GetStringAsync(version);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(20);
            }
        }
        Assert.Fail($"no answer to GET /version within {Bound}; stdout: {server.Stdout}");
        return "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>dotnet harness-toxiproxy.dll ARGS</c> from the host project's output of this build's configuration.</summary>
    private sealed class HostProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();

        private HostProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
            _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public static HostProcess Start(params string[] args)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(Dll());
            foreach (var arg in args)
                info.ArgumentList.Add(arg);
            info.Environment.Remove("LOG_LEVEL");
            info.Environment.Remove(SocketEngineSettings.InlineCompletions);
            return new HostProcess(Process.Start(info)!);
        }

        public bool HasExited => _process.HasExited;

        public int Id => _process.Id;

        public string Stdout
        {
            get
            {
                lock (_stdout)
                    return _stdout.ToString();
            }
        }

        public string Stderr
        {
            get
            {
                lock (_stderr)
                    return _stderr.ToString();
            }
        }

        public void Signal(string signal)
        {
            using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        public async Task<int> WaitForExitAsync()
        {
            using var bound = new CancellationTokenSource(Bound);
            try
            {
                await _process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail($"harness-toxiproxy did not exit within {Bound}; stderr: {Stderr}");
            }
            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }

        private static string Dll()
        {
            var configuration = typeof(StandaloneHostTests)
                .Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "Configuration")
                .Value!;
            var dll = Path.Combine(RepositoryPaths.Root, "src/Impairment.Server.Host/bin", configuration, "net10.0/harness-toxiproxy.dll");
            Assert.That(File.Exists(dll), Is.True, $"{dll} is missing: the test project builds it (ProjectReference)");
            return dll;
        }

        private static void Append(StringBuilder text, string? line)
        {
            if (line is null)
                return;
            lock (text)
                text.Append(line).Append('\n');
        }
    }
}
