using Harness.Reports.Html;
using Harness.Reports.Model;
using Microsoft.Playwright;

namespace Harness.Tests.Reports.Browser;

/// <summary>
/// index.html in Debian's Chromium from file://: what a person sees, that it fetches nothing, and that data never runs as script.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public sealed class HtmlReportBrowserTests
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private DirectoryInfo _directory = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = Harness.TestSupport.Chromium.Require(),
                Headless = true,
                Args = ["--no-sandbox"],
            }
        );
        _directory = Directory.CreateTempSubdirectory("harness-html-");
    }

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _directory.Delete(recursive: true);
    }

    private async Task<(IPage Page, List<string> Requests, List<string> Dialogs)> OpenAsync(RunResults results, string name)
    {
        var path = Path.Combine(_directory.FullName, name);
        await File.WriteAllTextAsync(path, HtmlReport.Render(results));
        var page = await _browser.NewPageAsync(
            new()
            {
                ViewportSize = new() { Width = 1280, Height = 900 },
            }
        );
        var requests = new List<string>();
        var dialogs = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(new Uri(path).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        return (page, requests, dialogs);
    }

    private async Task AttachScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
    }

    [Test]
    public async Task IndexHtml_FromFile_ShowsVerdictThresholdsAndChartsWithoutAnyRequest()
    {
        var (page, requests, _) = await OpenAsync(ReportFixtures.Smoke(), "smoke.html");

        Assert.That(await page.Locator("#verdict .verdict").InnerTextAsync(), Is.EqualTo("PASSED"));
        Assert.That(await page.Locator("#thresholds tbody tr").CountAsync(), Is.EqualTo(10));
        Assert.That(await page.Locator("svg.timeline").CountAsync(), Is.EqualTo(3));
        Assert.That(await page.Locator("svg.timeline polyline.l-avg").CountAsync(), Is.GreaterThanOrEqualTo(3));
        var chart = await page.Locator("svg.timeline").First.BoundingBoxAsync();
        Assert.That(chart!.Width, Is.GreaterThan(600), "charts are drawn at a readable size");
        await AttachScreenshotAsync(page, "index-light");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await AttachScreenshotAsync(page, "index-dark");
        await page.EmulateMediaAsync(new() { Media = Media.Print, ColorScheme = ColorScheme.Light });
        await AttachScreenshotAsync(page, "index-print");

        Assert.That(requests, Is.EqualTo(new[] { page.Url }), "the only request is the file itself");
        await page.CloseAsync();
    }

    [Test]
    public async Task IndexHtml_LargeRun_DrawsHistogramsAndSeriesInLightDarkAndPrintWithoutAnyRequest()
    {
        var (page, requests, _) = await OpenAsync(LargeRun.Build(), "large.html");

        Assert.That(await page.Locator("#websocket svg.histogram").CountAsync(), Is.EqualTo(4));
        Assert.That(await page.Locator("#websocket svg.histogram rect.bar").CountAsync(), Is.GreaterThan(4), "bars drawn");
        Assert.That(
            await page.Locator("svg.series polyline").CountAsync(),
            Is.EqualTo(3),
            "connected clients, messages per second, active VUs"
        );
        var histogram = await page.Locator("svg.histogram").First.BoundingBoxAsync();
        Assert.That(histogram!.Width, Is.GreaterThan(200), "histograms are drawn at a readable size");
        var light = await page.Locator("svg.histogram rect.bar").Nth(1).EvaluateAsync<string>("e => getComputedStyle(e).fill");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var dark = await page.Locator("svg.histogram rect.bar").Nth(1).EvaluateAsync<string>("e => getComputedStyle(e).fill");
        Assert.That(dark, Is.Not.EqualTo(light), "bars follow dark mode");
        await page.Locator("#websocket")
            .ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "large-websocket-dark.png") });
        await page.EmulateMediaAsync(new() { Media = Media.Print, ColorScheme = ColorScheme.Light });
        await page.Locator("#websocket")
            .ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "large-websocket-print.png") });

        Assert.That(requests, Is.EqualTo(new[] { page.Url }), "the only request is the file itself");
        await page.CloseAsync();
    }

    [Test]
    public async Task IndexHtml_HostileStrings_NoScriptFromDataRuns()
    {
        const string payload = "\"'><script>window.__pwned=1;alert(1)</script><img src=x onerror=\"window.__pwned=2\">";
        var results = ReportFixtures.Results(
            description: "desc " + payload,
            url: "http://app.test/" + payload,
            thresholdText: "http_req_duration p(95) < 250 " + payload,
            error: "</style></pre></code><script>window.__pwned=3</script>" + payload
        ) with
        {
            Command = "./harness run x.yaml " + payload,
            Scenario = new ScenarioInfo("demo" + payload, payload, [payload], payload, 42, "name: " + payload),
        };

        var (page, requests, dialogs) = await OpenAsync(results, "hostile.html");

        Assert.That(await page.EvaluateAsync<string>("typeof window.__pwned"), Is.EqualTo("undefined"));
        Assert.That(dialogs, Is.Empty);
        Assert.That(await page.Locator("script").CountAsync(), Is.Zero);
        Assert.That(await page.Locator("img").CountAsync(), Is.Zero);
        Assert.That(
            await page.Locator("#verdict .description").InnerTextAsync(),
            Does.Contain("<script>window.__pwned=1;alert(1)</script>"),
            "shown as text"
        );
        Assert.That(requests, Has.Count.EqualTo(1), "no request (an <img src=x> would have made one)");
        await AttachScreenshotAsync(page, "index-hostile");
        await page.CloseAsync();
    }
}
