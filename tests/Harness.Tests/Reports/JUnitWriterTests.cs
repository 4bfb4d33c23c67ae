using Harness.Reports;

namespace Harness.Tests.Reports;

public sealed class JUnitWriterTests
{
    [Test]
    public void Render_FailedThreshold_IsAFailureNamingIt()
    {
        var xml = JUnitWriter.Render(ReportFixtures.Results()).ToString();

        Assert.That(
            xml,
            Is.EqualTo(
                """
                <testsuites name="harness" tests="1" failures="1" errors="0" time="20">
                  <testsuite name="demo" tests="1" failures="1" errors="0" skipped="0" time="20" timestamp="2026-11-22T08:00:00">
                    <properties>
                      <property name="seed" value="42" />
                      <property name="status" value="failed" />
                    </properties>
                    <testcase classname="demo.api" name="http_req_duration{phase:slow} p(95) &lt; 250ms" time="0">
                      <failure message="threshold 'http_req_duration{phase:slow} p(95) &lt; 250ms' failed: observed 302 ms" type="threshold">probe api: http_req_duration p(95) in phase slow observed 302 ms, limit &lt; 250 ms; violated</failure>
                    </testcase>
                  </testsuite>
                </testsuites>
                """.ReplaceLineEndings("\r\n").Replace("\r\n", Environment.NewLine, StringComparison.Ordinal)
            )
        );
    }

    [Test]
    public void Render_PassingRun_HasNoFailure()
    {
        var xml = JUnitWriter.Render(ReportFixtures.Results(failing: false)).ToString();

        Assert.That(xml, Does.Not.Contain("<failure"));
        Assert.That(xml, Does.Contain("failures=\"0\""));
    }
}
