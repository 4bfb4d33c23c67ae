using Harness.Cli;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Reports.Html;
using Harness.Reports.Markdown;
using Harness.Reports.Model;

namespace Harness.Tests.Reports.Units;

/// <summary>Every output shows observed values and limits with their units: ms for durations, % for rates, plain counts.</summary>
public sealed class UnitsInOutputsTests
{
    private static readonly ThresholdResult FailedRate = new(
        "api",
        "http_req_failed rate < 5%",
        "http_req_failed",
        null,
        "rate",
        "<",
        0.05,
        0.125,
        false,
        "violated"
    );

    private static readonly ThresholdResult LostCount = new(
        "api",
        "ws_msgs_lost count == 0",
        "ws_msgs_lost",
        null,
        "count",
        "==",
        0,
        3,
        false,
        "violated"
    );

    private static RunResults Results() =>
        ReportFixtures.Results() is var r ? r with { Thresholds = [.. r.Thresholds, FailedRate, LostCount] } : null!;

    [Test]
    public void JUnit_FailureText_CarriesUnits()
    {
        var xml = JUnitWriter.Render(Results()).ToString();

        Assert.That(xml, Does.Contain("observed 302 ms, limit &lt; 250 ms"));
        Assert.That(xml, Does.Contain("observed 12.5 %, limit &lt; 5 %"));
        Assert.That(xml, Does.Contain("observed 3, limit == 0"));
    }

    [Test]
    public void Summary_ObservedAndLimit_CarryUnits()
    {
        var md = SummaryMarkdown.Render(Results());

        Assert.That(md, Does.Contain("observed **302 ms**, limit &lt; 250 ms"));
        Assert.That(md, Does.Contain("observed **12.5 %**, limit &lt; 5 %"));
        Assert.That(md, Does.Contain("| 12.5 % | &lt; 5 % |"));
    }

    [Test]
    public void Html_ThresholdsAndVerdict_CarryUnits()
    {
        var html = HtmlReport.Render(Results());

        Assert.That(html, Does.Contain("<td>302 ms</td><td>&lt; 250 ms</td>"));
        Assert.That(html, Does.Contain("<td>12.5 %</td><td>&lt; 5 %</td>"));
    }

    [Test]
    public void Html_PerPhaseStatistics_CarryUnits()
    {
        var html = HtmlReport.Render(Results());
        var phases = html[html.IndexOf("<section id=\"phases\">", StringComparison.Ordinal)..];

        Assert.That(
            phases,
            Does.Contain(
                "<td>baseline</td><td>2</td><td>2</td><td></td><td>1.50 ms</td><td>1.50 ms</td><td>1.95 ms</td><td>1.99 ms</td><td>2.00 ms</td>"
            )
        );
    }

    [Test]
    public void Html_Toxics_ShowAttributeUnits()
    {
        var html = HtmlReport.Render(Results());

        Assert.That(html, Does.Contain("latency 300 ms, jitter 0 ms"));
        Assert.That(html, Does.Not.Contain("latency=300"));
    }

    [Test]
    public void Console_ResultLines_CarryUnits()
    {
        using var stdout = new StringWriter();
        var output = new ConsoleOutput(TimeProvider.System, stdout, TextWriter.Null);

        RunCommand.Print(new RunOutcome(Results(), "reports/x"), output);

        Assert.That(stdout.ToString(), Does.Contain("(observed 302 ms, limit < 250 ms)"));
        Assert.That(stdout.ToString(), Does.Contain("(observed 12.5 %, limit < 5 %)"));
    }

    [Test]
    public void MatrixOutcome_CarriesUnits()
    {
        var (matrix, _) = Harness.Tests.Reports.Matrix.MatrixFixtures.Build(
            Harness.Tests.Reports.Matrix.MatrixFixtures.TwoAxes(),
            failingCell: "slow-3g"
        );
        var threshold = matrix.Cells.SelectMany(c => c.Thresholds).First(t => !t.Passed);

        Assert.That(Harness.Reports.Matrix.MatrixFormat.Outcome(threshold), Does.Contain(" ms, limit < "));
        Assert.That(Harness.Reports.Matrix.MatrixFormat.Outcome(threshold), Does.EndWith(" ms"));
    }
}
