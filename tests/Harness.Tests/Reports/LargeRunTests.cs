using System.Text;
using System.Text.Json;
using Harness.Reports;
using Harness.Reports.Html;

namespace Harness.Tests.Reports;

/// <summary>Large runs stay small: the budget for a one-hour run with 1,000 clients is an index.html under 3 MB.</summary>
public sealed class LargeRunTests
{
    private const int Budget = 3_000_000;

    [Test]
    public void IndexHtml_OneHourThousandClients_StaysUnderThreeMegabytes()
    {
        var results = LargeRun.Build();

        var bytes = Encoding.UTF8.GetByteCount(HtmlReport.Render(results));

        TestContext.Out.WriteLine(
            $"index.html for one hour, 1,000 clients: {bytes / 1024.0:0} KiB; results.json: {JsonSerializer.SerializeToUtf8Bytes(results, ResultsJson.Options).Length / 1024.0:0} KiB"
        );
        Assert.That(bytes, Is.LessThan(Budget));
    }

    /// <summary>The worst case for size: every screenshot the page would inline is just under the per-image limit.</summary>
    [Test]
    public void IndexHtml_LargestScreenshots_StayWithinTheBudget()
    {
        var results = LargeRun.Build();
        var directory = Directory.CreateTempSubdirectory("harness-large-").FullName;
        try
        {
            var random = new Random(1);
            foreach (var shot in results.Probes.SelectMany(p => p.Artifacts).Where(a => a.Kind == "screenshot").TakeLast(20))
            {
                var path = Path.Combine(directory, shot.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var bytes = new byte[390_000];
                random.NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
            }

            var html = HtmlReport.Render(results, [], directory);
            var size = Encoding.UTF8.GetByteCount(html);

            TestContext.Out.WriteLine($"index.html with the largest inlined screenshots: {size / 1024.0:0} KiB");
            Assert.That(html, Does.Contain("data:image/png;base64,"), "screenshots are inlined");
            Assert.That(size, Is.LessThan(Budget));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void IndexHtml_OneHourThousandClients_KeepsEverySectionWithBoundedCharts()
    {
        var html = HtmlReport.Render(LargeRun.Build());

        foreach (var id in new[] { "verdict", "thresholds", "timeline", "websocket", "load", "browser", "page-errors", "environment" })
        {
            Assert.That(html, Does.Contain($"<section id=\"{id}\">").Or.Contain($"<header id=\"{id}\">"), id);
        }
        Assert.That(html, Does.Contain("1000 clients"));
        Assert.That(html, Does.Contain("600 points (seconds merged to fit)"), "timeline charts are bounded");
    }
}
