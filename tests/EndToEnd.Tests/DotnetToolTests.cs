using System.Diagnostics;
using System.Xml.Linq;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>
/// The packed dotnet tool, installed and run as a user outside the checkout would: pack into a temp folder, install
/// with <c>--tool-path</c> from that folder only (offline), then run a scenario naming the built-in <c>slow-3g</c>
/// profile from an empty folder, against a loopback target this test starts.
/// </summary>
[NonParallelizable]
public sealed class DotnetToolTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    // The wrapper's first Release build, on a loaded 2-core machine, takes longer than anything after it.
    private static readonly TimeSpan BuildBound = TimeSpan.FromMinutes(10);
    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTemp() => _temp = Directory.CreateTempSubdirectory("harness-tool-");

    [TearDown]
    public void DeleteTemp() => _temp.Delete(recursive: true);

    [Test]
    public async Task PackedTool_InstallsAndRunsAProfileScenarioFromAnEmptyFolder()
    {
        var tool = await InstallAsync();
        var work = Directory.CreateDirectory(Path.Combine(_temp.FullName, "work")).FullName;
        await using var target = new HttpEchoServer();
        File.WriteAllText(Path.Combine(work, "it.yaml"), Scenario(target.BaseUri.Port));

        var version = await RunAsync(tool, work, "--version");
        var run = await RunAsync(tool, work, "run", "it.yaml", "--no-color");

        Assert.That(version.Stdout, Is.EqualTo(ExpectedVersion() + "\n"), version.Stderr);
        Assert.That(version.Code, Is.EqualTo(0));
        Assert.That(run.Code, Is.EqualTo(0), $"stdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
        var reports = Directory.GetDirectories(Path.Combine(work, "reports"));
        Assert.That(reports, Has.Length.EqualTo(1));
        Assert.That(Path.Combine(reports[0], "results.json"), Does.Exist);
        Assert.That(Path.Combine(reports[0], "index.html"), Does.Exist);
        using var results = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(reports[0], "results.json")));
        Assert.That(Results.Status(results), Is.EqualTo("passed"));
    }

    // slow-3g's 400 ms round trip puts every request's median between 350 ms and a few seconds: proof the
    // built-in profile was applied, not just found.
    private static string Scenario(int port) =>
        $$"""
            name: tool-check
            target:
              base_url: http://app.test
              allow_hosts: [app.test, 127.0.0.1]
            network:
              profile: slow-3g
              proxies:
                - { name: edge, upstream: "127.0.0.1:{{port}}", hosts: [app.test] }
            timeline: [ { phase: slow, duration: 3s } ]
            probes:
              - http: { name: api, url: /, every: 500ms }
            thresholds:
              api:
                - "http_req_failed rate == 0"
                - "http_req_duration med > 350ms"
                - "http_req_duration med < 3s"
            """;

    private async Task<string> InstallAsync()
    {
        // The wrapper builds Release (under its build lock); pack then reuses that build and restores nothing.
        var wrapper = Path.Combine(RepositoryPaths.Root, "harness");
        var build = await RunAsync("bash", RepositoryPaths.Root, new Dictionary<string, string>(), BuildBound, wrapper, "--version");
        Assert.That(build.Code, Is.EqualTo(0), build.Stderr);
        var nupkg = Path.Combine(_temp.FullName, "nupkg");
        var pack = await RunAsync(
            "dotnet",
            RepositoryPaths.Root,
            "pack",
            Path.Combine("src", "Harness", "Harness.csproj"),
            "-c",
            "Release",
            "--no-build",
            "-o",
            nupkg,
            "-nologo"
        );
        Assert.That(pack.Code, Is.EqualTo(0), pack.Stdout + pack.Stderr);
        // Only the local folder as a source, and a private package cache: offline, and never an older extracted
        // copy of the same version.
        var config = Path.Combine(_temp.FullName, "nuget.config");
        File.WriteAllText(
            config,
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{nupkg}" /></packageSources></configuration>
            """
        );
        var tools = Path.Combine(_temp.FullName, "tools");
        var cache = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_temp.FullName, "packages") };
        var install = await RunAsync(
            "dotnet",
            _temp.FullName,
            cache,
            Bound,
            "tool",
            "install",
            "Harness.Cli",
            "--tool-path",
            tools,
            "--configfile",
            config
        );
        Assert.That(install.Code, Is.EqualTo(0), install.Stdout + install.Stderr);
        return Path.Combine(tools, "harness");
    }

    private static string ExpectedVersion() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value;

    private static Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, string directory, params string[] args) =>
        RunAsync(file, directory, new Dictionary<string, string>(), Bound, args);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(
        string file,
        string directory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan bound,
        params string[] args
    )
    {
        var info = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish within {bound}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
