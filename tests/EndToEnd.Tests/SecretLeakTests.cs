using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Harness.Scenarios.Loading;
using Harness.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EndToEnd.Tests;

/// <summary>
/// A real run with a hostile secret from the environment in a browser URL, an HTTP probe's query, a service's
/// environment (which prints it) and everything the target echoes back (console, page error, error body): no file
/// of the run (reports, history, artifacts, the text inside the trace zip) and no console line holds it in any form.
/// </summary>
[Category("Browser")]
public sealed class SecretLeakTests
{
    private const string Secret = "ab+c/d=\"e&f<%pässwörd✓";

    private static WebApplication StartTarget()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/page", () => Microsoft.AspNetCore.Http.Results.Content(
                """
                <!DOCTYPE html><html><head><title>secret page</title></head><body><p id="ready">ready</p>
                <script>
                console.error('token seen: ' + location.search);
                fetch('/api' + location.search);
                // The browser leaves a lone % as it is: escape it, so the page error holds the secret raw.
                const raw = decodeURIComponent(location.search.slice(7).replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
                setTimeout(() => { throw new Error('bad token ' + raw); }, 0);
                </script></body></html>
                """,
                "text/html"
            ));
        app.MapGet("/api", (HttpContext context) =>
            Microsoft.AspNetCore.Http.Results.Json(new { error = $"bad token {context.Request.QueryString.Value}" }, statusCode: 401)
        );
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }

    private static string Scenario(int port) =>
        $$"""
            name: secret
            description: A secret with characters every encoder escapes.
            seed: 3
            target:
              base_url: http://secret.test
              allow_hosts: [secret.test, 127.0.0.1]
            services:
              - name: talker
                command: [sh, -c, "echo \"token=$SECRET\"; exec sleep 600"]
                env: { SECRET: "${env:HARNESS_TEST_TOKEN}" }
            network:
              proxies:
                - { name: edge, upstream: "127.0.0.1:{{port}}", hosts: [secret.test] }
            timeline:
              - { phase: only, duration: 6s }
            probes:
              - http: { name: api, url: "/api?token=${env:HARNESS_TEST_TOKEN}", every: 500ms }
              - browser:
                  name: page
                  trace: always
                  screenshots: always
                  step_timeout: 3s
                  steps:
                    - goto: "/page?token=${env:HARNESS_TEST_TOKEN}"
                    - expect_visible: "#ready"
                    - wait_for: { load_state: networkidle }
            """;

    [Test]
    public async Task Run_WithAHostileSecret_LeavesItInNoFileAndNoConsoleLine()
    {
        Chromium.Require();
        await using var target = StartTarget();
        using var reports = new ReportFolder();
        var scenario = Path.Combine(reports.Root, "secret.yaml");
        await File.WriteAllTextAsync(scenario, Scenario(new Uri(target.Urls.Single()).Port));
        var environment = new Dictionary<string, string> { ["HARNESS_TEST_TOKEN"] = Secret };

        using var process = HarnessProcess.Start(
            environment,
            false,
            "run",
            scenario,
            "--report-dir",
            Path.Combine(reports.Root, "out"),
            "--no-color"
        );
        var code = await process.WaitForExitAsync();

        Assert.That(code, Is.EqualTo(0).Or.EqualTo(1), process.Stdout + process.Stderr);
        var run = Directory.GetDirectories(Path.Combine(reports.Root, "out")).Single();
        var results = await File.ReadAllTextAsync(Path.Combine(run, "results.json"));
        var trace = Directory.GetFiles(Path.Combine(run, "artifacts"), "*-trace.zip", SearchOption.AllDirectories).Single();
        var serviceLog = await File.ReadAllTextAsync(Path.Combine(run, "artifacts", "service-talker.log"));
        Assert.Multiple(() =>
        {
            // The secret really went through the run, and came back masked.
            Assert.That(serviceLog, Does.Contain("token=***"));
            Assert.That(results, Does.Contain("bad token ***"), "the page error, masked");
            Assert.That(ZipText(trace), Does.Contain("token=***"), "the trace's requests, masked");
            Assert.That(
                MayHoldSecrets(results),
                Does.Contain(Path.GetRelativePath(run, trace).Replace('\\', '/')),
                "a trace with screenshots is named"
            );
            Assert.That(process.Stdout, Does.Contain("may hold them: ").And.Contain(Path.GetFileName(trace)));
            Leaks("stdout", process.Stdout);
            Leaks("stderr", process.Stderr);
            foreach (var file in Directory.GetFiles(reports.Root, "*", SearchOption.AllDirectories).Where(f => f != scenario))
            {
                var name = Path.GetRelativePath(reports.Root, file);
                if (file.EndsWith(".zip", StringComparison.Ordinal))
                    Leaks(name, ZipText(file));
                else if (!file.EndsWith(".png", StringComparison.Ordinal) && !file.EndsWith(".jpeg", StringComparison.Ordinal))
                    Leaks(name, File.ReadAllBytes(file));
            }
        });
    }

    private static void Leaks(string name, string text)
    {
        Assert.That(SecretForms.FoundIn(text, Secret), Is.Null, $"{name} holds the secret");
        Assert.That(new Redactor([Secret]).Apply(text), Is.EqualTo(text), $"{name} holds the secret in a mixed encoding");
        Assert.That(SecretForms.FragmentIn(text, Secret, 6), Is.Null, $"{name} holds a piece of the secret");
    }

    private static void Leaks(string name, byte[] bytes)
    {
        Assert.That(SecretForms.FoundIn(bytes, Secret), Is.Null, $"{name} holds the secret");
        Leaks(name, Encoding.UTF8.GetString(bytes));
    }

    /// <summary>The text entries of a zip (binary entries, the screencast frames, left out).</summary>
    private static string ZipText(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (buffer.ToArray().Contains((byte)0))
                continue;
            text.AppendLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }
        return text.ToString();
    }

    private static IReadOnlyList<string> MayHoldSecrets(string results) =>
        JsonDocument.Parse(results).RootElement.GetProperty("secrets_may_remain_in").EnumerateArray().Select(e => e.GetString()!).ToList();
}
