using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Harness.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace EndToEnd.Tests;

/// <summary>
/// A real run whose target is hostile: its page title, console message, failed request URL and WebSocket payload
/// carry &lt;script&gt;, attribute breakouts and javascript: URLs. The run's index.html, opened from file:// in
/// Chromium, runs no script from that data and makes no request, and shows every string as text.
/// </summary>
[Category("Browser")]
public sealed class HostileReportTests
{
    // Each string sets a different mark if it ever runs, so a failure says which one escaped.
    private const string Title =
        "Title \"><script>window.__pwned='title';console.log('PWNED')</script><img src=x onerror=\"window.__pwned='title-img'\">";
    private const string Console =
        "Console </style></code><script>window.__pwned='console'</script>\"><a href=\"javascript:window.__pwned='console-link'\">x</a>";
    private const string FailedPath = "/fail/'onmouseover='window.__pwned=1'/javascript:alert(1)";
    private const string Payload =
        "Payload <script>window.__pwned='ws';console.log('PWNED')</script>\"><img src=x onerror=\"window.__pwned='ws-img'\"> javascript:alert(1)";

    private static WebApplication StartTarget()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/hostile", () => Microsoft.AspNetCore.Http.Results.Content(
                $$"""
                <!DOCTYPE html><html><head><title>calm</title></head><body><p id="ready">ready</p>
                <script>
                document.title = {{JsonSerializer.Serialize(Title)}};
                console.error({{JsonSerializer.Serialize(Console)}});
                fetch({{JsonSerializer.Serialize(FailedPath)}}).catch(() => {});
                </script></body></html>
                """,
                "text/html"
            ));
        app.MapGet("/fail/{**rest}", (HttpContext context) => context.Abort());
        app.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
                return Microsoft.AspNetCore.Http.Results.BadRequest();
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync(Encoding.UTF8.GetBytes(Payload), WebSocketMessageType.Text, true, context.RequestAborted);
            for (var seq = 1; seq <= 3; seq++)
                await socket.SendAsync(
                    Encoding.UTF8.GetBytes($"{{\"seq\":{seq}}}"),
                    WebSocketMessageType.Text,
                    true,
                    context.RequestAborted
                );
            var buffer = new byte[256];
            try
            {
                while (
                    socket.State == WebSocketState.Open
                    && (await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType != WebSocketMessageType.Close
                ) { }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                // the probe went away
            }
            return Microsoft.AspNetCore.Http.Results.Empty;
        });
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }

    private static string Scenario(int port) =>
        $$"""
            name: hostile
            description: A target whose strings try to run script in the report.
            seed: 3
            target:
              base_url: http://hostile.test
              allow_hosts: [hostile.test, 127.0.0.1]
            network:
              proxies:
                - { name: edge, upstream: "127.0.0.1:{{port}}", hosts: [hostile.test] }
            timeline:
              - { phase: only, duration: 12s }
            probes:
              - browser:
                  name: page
                  url: /hostile
                  trace: on_failure
                  step_timeout: 2s
                  steps:
                    - goto: /hostile
                    - expect_visible: "#ready"
                    - wait_for: { load_state: networkidle }
                    - expect_title: calm
              - websocket:
                  name: feed
                  url: /ws
                  stream: { sequence: seq }
            """;

    [Test]
    public async Task Run_HostileTarget_ReportRunsNoScriptFromDataAndShowsItAsText()
    {
        var chromium = Chromium.Require();
        await using var target = StartTarget();
        var port = new Uri(target.Urls.Single()).Port;
        using var reports = new ReportFolder();
        var scenario = Path.Combine(reports.Root, "hostile.yaml");
        await File.WriteAllTextAsync(scenario, Scenario(port));

        var (code, _, stderr) = await HarnessProcess.RunAsync("run", scenario, "--report-dir", Path.Combine(reports.Root, "out"));

        Assert.That(code, Is.EqualTo(0).Or.EqualTo(1), stderr);
        var run = Directory.GetDirectories(Path.Combine(reports.Root, "out")).Single();
        var results = await File.ReadAllTextAsync(Path.Combine(run, "results.json"));
        Assert.Multiple(() =>
        {
            // The hostile strings really went through the run, verbatim, before the report encoded them.
            Assert.That(results, Does.Contain("window.__pwned='title'"), "page title (in the failed expect_title step)");
            Assert.That(results, Does.Contain("window.__pwned='console'"), "console message");
            Assert.That(results, Does.Contain("onmouseover="), "failed request URL");
            Assert.That(results, Does.Contain("window.__pwned='ws'"), "WebSocket payload");
        });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox"],
            }
        );
        var page = await browser.NewPageAsync();
        var requests = new List<string>();
        var logged = new List<string>();
        var dialogs = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Console += (_, message) => logged.Add(message.Text);
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var index = new Uri(Path.Combine(run, "index.html")).AbsoluteUri;
        await page.GotoAsync(index, new() { WaitUntil = WaitUntilState.Load });
        await page.HoverAsync("body"); // a breakout into an onmouseover attribute would fire on hover
        foreach (var details in await page.Locator("details").AllAsync())
            await details.EvaluateAsync("d => d.open = true");

        var text = await page.EvaluateAsync<string>("document.body.innerText");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string>("typeof window.__pwned"), Is.EqualTo("undefined"), "no script from data ran");
            Assert.That(logged, Has.None.Contains("PWNED"), "nothing from data logged");
            Assert.That(dialogs, Is.Empty);
            Assert.That(await page.Locator("script").CountAsync(), Is.Zero);
            Assert.That(
                await page.EvaluateAsync<int>(
                    "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
                ),
                Is.Zero,
                "no event-handler attributes"
            );
            Assert.That(
                await page.Locator("a[href^='javascript:'], img:not([src^='data:'])").CountAsync(),
                Is.Zero,
                "no javascript: link, no image from data"
            );
            Assert.That(
                requests.Where(r => !r.StartsWith("data:", StringComparison.Ordinal)),
                Is.EqualTo(new[] { index }),
                "the only request is the file itself"
            );
            Assert.That(text, Does.Contain("<script>window.__pwned='title'"), "page title shown as text");
            Assert.That(text, Does.Contain("<script>window.__pwned='console'</script>"), "console message shown as text");
            Assert.That(text, Does.Contain("'onmouseover='window.__pwned=1'"), "failed request URL shown as text");
            Assert.That(text, Does.Contain("<script>window.__pwned='ws';console.log('PWNED')</script>"), "WebSocket payload shown as text");
        });
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "hostile-report.png"), FullPage = true }
        );
    }
}
