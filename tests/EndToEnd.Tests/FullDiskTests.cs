using System.Diagnostics;
using Harness.Impairment.Server;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>
/// A report directory on a full disk (a small tmpfs the test mounts; needs root, as CI runs): the run must say error,
/// exit 3 and name the file, never claim passed, and leave no temporary file behind.
/// </summary>
[NonParallelizable]
public sealed class FullDiskTests
{
    private const int Page = 4096;
    private string _mount = null!;
    private bool _mounted;

    [SetUp]
    public void Mount()
    {
        _mount = Directory.CreateTempSubdirectory("harness-tmpfs-").FullName;
        if (Environment.UserName != "root")
            Assert.Ignore("mounting a tmpfs needs root (CI runs as root)");
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", _mount);
        if (code != 0)
            Assert.Ignore($"could not mount a tmpfs: {output}");
        _mounted = true;
    }

    [TearDown]
    public void Unmount()
    {
        if (_mounted)
            Run("umount", "-l", _mount);
        Directory.Delete(_mount, recursive: true);
    }

    [Test]
    public async Task Run_RoomForResultsJsonButNotForIndexHtml_ExitsThreeAndResultsJsonSaysError()
    {
        await using var target = new HttpEchoServer();
        await using var toxiproxy = await EmbeddedToxiproxy.StartAsync();
        var file = Scenario(target);
        try
        {
            var sizes = await MeasureAsync(file, toxiproxy);
            // Room for every file before index.html (a page to spare) but not for index.html as well.
            var room = RoundUp(sizes["results.json"]) + RoundUp(sizes["junit.xml"]) + RoundUp(sizes["summary.md"]) + Page;
            Assert.That(sizes["index.html"], Is.GreaterThan(2 * Page), "index.html cannot fit in the page to spare");
            Fill(room);

            var (code, stdout, stderr) = await HarnessProcess.RunAsync(
                "run",
                file,
                "--report-dir",
                _mount,
                "--toxiproxy",
                toxiproxy.ApiAddress.ToString(),
                "--no-color"
            );

            Assert.That(code, Is.EqualTo(3), $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(
                stdout,
                Does.Match(@"error: report index\.html could not be written: .*(No space left on device|the disk was full)")
            );
            var run = Directory.GetDirectories(_mount).Single();
            using var results = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "results.json")));
            Assert.That(Results.Status(results), Is.EqualTo("error"));
            Assert.That(results.RootElement.GetProperty("exit_code").GetInt32(), Is.EqualTo(3));
            Assert.That(File.Exists(Path.Combine(run, "index.html")), Is.False);
            Assert.That(Directory.GetFiles(_mount, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file is left");
            FailureExitCodeTests.AssertNoStackTrace(stdout + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Run_NoRoomAtAll_ExitsThreeSayingResultsJsonCouldNotBeWritten()
    {
        await using var target = new HttpEchoServer();
        await using var toxiproxy = await EmbeddedToxiproxy.StartAsync();
        var file = Scenario(target);
        try
        {
            Fill(0);

            var (code, stdout, stderr) = await HarnessProcess.RunAsync(
                "run",
                file,
                "--report-dir",
                _mount,
                "--toxiproxy",
                toxiproxy.ApiAddress.ToString(),
                "--no-color"
            );

            Assert.That(code, Is.EqualTo(3), $"stdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.That(
                stdout,
                Does.Match(@"error: report results\.json could not be written: .*(No space left on device|the disk was full)")
            );
            Assert.That(stderr, Does.Contain("results.json could not be written either"));
            Assert.That(Directory.GetFiles(_mount, "*.json", SearchOption.AllDirectories), Is.Empty);
            Assert.That(Directory.GetFiles(_mount, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file is left");
            FailureExitCodeTests.AssertNoStackTrace(stdout + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Scenario(HttpEchoServer target) =>
        FailureExitCodeTests.WriteScenario(
            $$"""
            name: full-disk
            target: { allow_hosts: [127.0.0.1] }
            timeline: [ { phase: a, duration: 1s } ]
            probes: [ { http: { name: api, url: "{{target.BaseUri}}", every: 100ms } } ]
            thresholds:
              api: [ "http_req_failed rate == 0" ]
            """
        );

    /// <summary>The same run on a roomy disk: how big each of its reports is.</summary>
    private static async Task<Dictionary<string, long>> MeasureAsync(string file, EmbeddedToxiproxy toxiproxy)
    {
        using var reports = new ReportFolder();
        var (code, stdout, _) = await HarnessProcess.RunAsync(
            "run",
            file,
            "--report-dir",
            reports.Root,
            "--toxiproxy",
            toxiproxy.ApiAddress.ToString(),
            "--no-color"
        );
        Assert.That(code, Is.Zero, stdout);
        var run = reports.SingleRun();
        return Directory.GetFiles(run).ToDictionary(f => Path.GetFileName(f), f => new FileInfo(f).Length, StringComparer.Ordinal);
    }

    /// <summary>Fills the tmpfs until <paramref name="room"/> bytes (whole pages) are left.</summary>
    private void Fill(long room)
    {
        var free = new DriveInfo(_mount).AvailableFreeSpace;
        var size = (free - room) / Page * Page;
        using (var filler = File.Create(Path.Combine(_mount, "filler")))
        {
            var block = new byte[Page];
            for (long written = 0; written < size; written += Page)
                filler.Write(block);
        }
        Assert.That(new DriveInfo(_mount).AvailableFreeSpace, Is.EqualTo(room).Within(Page));
    }

    private static long RoundUp(long bytes) => (bytes + Page - 1) / Page * Page;

    private static (int Code, string Output) Run(string program, params string[] args)
    {
        using var process = Process.Start(
            new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true }
        )!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
