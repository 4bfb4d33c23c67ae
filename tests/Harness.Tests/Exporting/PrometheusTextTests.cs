using System.Globalization;
using Harness.Exporting;
using Harness.Tests.Reports;

namespace Harness.Tests.Exporting;

public sealed class PrometheusTextTests
{
    [Test]
    public void Render_HostileLabelValues_EscapedAsTheFormatRequires()
    {
        var families = new[]
        {
            new ResultFamily("harness_x", "help with \\ and\nnewline", "", [new ResultSample([new("probe", "a\"b\\c\nd}e,f=g")], 1.5)]),
        };

        var text = PrometheusText.Render(families);

        Assert.That(
            text,
            Is.EqualTo(
                "# HELP harness_x help with \\\\ and\\nnewline\n# TYPE harness_x gauge\nharness_x{probe=\"a\\\"b\\\\c\\nd}e,f=g\"} 1.5\n"
            )
        );
    }

    [Test]
    public void Render_UnderACommaCulture_InvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        // Globalization-invariant mode has no de-DE: a culture that writes a decimal comma all the same.
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = comma;
        try
        {
            var text = PrometheusText.Render(ResultSeries.From(ReportFixtures.Results()));

            Assert.That(text, Does.Contain("harness_threshold_observed{probe=\"api\",metric=\"http_req_duration\","));
            Assert.That(text, Does.Contain("} 0.30195\n"));
            Assert.That(text, Does.Not.Match(@"\d,\d"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [TestCase(double.NaN, "NaN")]
    [TestCase(double.PositiveInfinity, "+Inf")]
    [TestCase(double.NegativeInfinity, "-Inf")]
    [TestCase(0.1, "0.1")]
    [TestCase(1e-7, "1E-07")]
    public void Value_SpelledAsPrometheusReadsIt(double value, string text) => Assert.That(PrometheusText.Value(value), Is.EqualTo(text));

    [Test]
    public void Render_EveryFamilyOnceWithItsSamplesTogether()
    {
        var text = PrometheusText.Render(ResultSeries.From(ReportFixtures.Results()));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var typeLines = lines.Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();

        Assert.That(typeLines, Is.Unique);
        // Each sample belongs to the family of the TYPE line last seen.
        string? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
                current = line.Split(' ')[2];
            else if (!line.StartsWith('#'))
                Assert.That(line.Split('{', ' ')[0], Is.EqualTo(current), line);
        }
    }
}
