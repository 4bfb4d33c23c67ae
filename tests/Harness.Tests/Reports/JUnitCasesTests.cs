using System.Xml.Linq;
using Harness.Reports;
using Harness.Reports.Model;

namespace Harness.Tests.Reports;

/// <summary>junit.xml has a test case per browser step and per failed check besides the thresholds, failures saying why.</summary>
public sealed class JUnitCasesTests
{
    private static List<XElement> Cases(RunResults results) => JUnitWriter.Render(results).Descendants("testcase").ToList();

    [Test]
    public void Render_BrowserSteps_OneCasePerStepTheFailingOneWithItsError()
    {
        var cases = Cases(SectionFixtures.WithProbes(SectionFixtures.Browser()));

        var steps = cases.Where(c => (string?)c.Attribute("classname") == "demo.join.steps").ToList();
        Assert.That(
            steps.Select(c => (string?)c.Attribute("name")),
            Is.EqualTo(new[] { "p1 step 1: goto /room/1", "p1 step 2: expect_visible #connected" })
        );
        Assert.That(steps[0].Element("failure"), Is.Null);
        var failure = steps[1].Element("failure")!;
        Assert.That(
            (string?)failure.Attribute("message"),
            Is.EqualTo("failed in 1 of 3 iterations: Timeout 5000ms exceeded waiting for #connected")
        );
        Assert.That(failure.Value, Does.Contain("iteration 2"));
    }

    [Test]
    public void Render_FailedCheck_IsAFailedCaseWithCounts()
    {
        var api = ReportFixtures.Results().Probes[0] with
        {
            Checks = [new CheckResult("status is 200", 7, 3), new CheckResult("body has rooms", 10, 0)],
        };
        var results = ReportFixtures.Results() with { Probes = [api] };

        var cases = Cases(results).Where(c => (string?)c.Attribute("classname") == "demo.api.checks").ToList();

        Assert.That(
            cases.Select(c => (string?)c.Attribute("name")),
            Is.EqualTo(new[] { "status is 200" }),
            "only failed checks get a case"
        );
        Assert.That(
            (string?)cases[0].Element("failure")!.Attribute("message"),
            Is.EqualTo("check 'status is 200' failed 3 of 10 times (30 %)")
        );
        var suite = JUnitWriter.Render(results).Descendants("testsuite").Single();
        Assert.That(
            (string?)suite.Attribute("tests"),
            Is.EqualTo("2"),
            "the threshold and the failed check (steps are a browser probe's only)"
        );
        Assert.That((string?)suite.Attribute("failures"), Is.EqualTo("2"));
    }

    [Test]
    public void Render_BrowserStepChecks_AreNotCountedTwice()
    {
        var browser = SectionFixtures.Browser() with
        {
            Checks = [new CheckResult("expect_visible #connected", 2, 1), new CheckResult("open browser context", 0, 1)],
        };

        var cases = Cases(SectionFixtures.WithProbes(browser)).Where(c => (string?)c.Attribute("classname") == "demo.join.checks").ToList();

        Assert.That(cases.Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[] { "open browser context" }));
    }
}
