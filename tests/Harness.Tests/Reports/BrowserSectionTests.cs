using Harness.Reports.Html;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

public sealed class BrowserSectionTests
{
    private static RunResults WithBrowser(string directory)
    {
        var results = ReportFixtures.Results(failing: false);
        var probe = new ProbeResult("join", "browser", "http://app.test/room/1", [])
        {
            Artifacts =
            [
                new ArtifactResult("screenshot", "artifacts/join/teacher/i0001-step03-joined.png", "teacher", 1, 3),
                new ArtifactResult("trace", "artifacts/join/teacher/i0001-trace.zip", "teacher", 1, null),
            ],
            Messages =
            [
                new MessageResult(
                    "error",
                    "teacher",
                    1,
                    ReportFixtures.Start,
                    "<script>window.__pwned=1</script>",
                    "http://app.test/\"><img src=x>"
                ),
            ],
            Iterations =
            [
                new IterationResult(
                    "teacher",
                    1,
                    ReportFixtures.Start,
                    1234,
                    false,
                    null,
                    [
                        new StepResult(0, "goto", "goto /room/1", "passed", 200, null),
                        new StepResult(1, "expect_visible", "expect_visible #connected", "failed", 1000, "Timeout <b>1000ms</b>"),
                    ]
                ),
            ],
        };
        Directory.CreateDirectory(Path.Combine(directory, "artifacts", "join", "teacher"));
        File.WriteAllBytes(Path.Combine(directory, "artifacts", "join", "teacher", "i0001-step03-joined.png"), [0x89, 0x50, 0x4E, 0x47]);
        return results with { Probes = [.. results.Probes, probe] };
    }

    [Test]
    public void Render_BrowserProbe_ShowsFailedStepScreenshotInlineTraceAndEncodedMessages()
    {
        var directory = Directory.CreateTempSubdirectory("harness-browser-section-").FullName;
        try
        {
            var html = HtmlReport.Render(WithBrowser(directory), [], directory);

            Assert.That(html, Does.Contain("<section id=\"browser\""));
            Assert.That(html, Does.Contain("2. expect_visible #connected").And.Contain("Timeout &lt;b&gt;1000ms&lt;/b&gt;"));
            Assert.That(html, Does.Contain("src=\"data:image/png;base64,"), "the screenshot is inlined: the page stays one file");
            Assert.That(html, Does.Contain("npx playwright show-trace").And.Contain("artifacts/join/teacher/i0001-trace.zip"));
            Assert.That(html, Does.Not.Contain("<script>window.__pwned").And.Not.Contain("<img src=x>"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
