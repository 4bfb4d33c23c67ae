using Harness.Reports;

namespace Harness.Tests.Reports;

public sealed class ReportCommandTests
{
    [Test]
    public async Task Report_FromResultsJsonAlone_RegeneratesEveryOutput()
    {
        var directory = Directory.CreateTempSubdirectory("harness-report-");
        try
        {
            var results = Path.Combine(directory.FullName, ReportWriter.ResultsFile);
            File.Copy(Path.Combine(ReportFixtures.GoldenDirectory, "smoke-results.json"), results);
            var output = new Harness.Cli.ConsoleOutput(TimeProvider.System);

            var code = await Harness.Cli.ReportCommand.ExecuteAsync(results, null, null, output, CancellationToken.None);

            Assert.That(code, Is.Zero);
            Assert.That(
                File.ReadAllText(Path.Combine(directory.FullName, ReportWriter.HtmlFile)),
                Does.Contain("class=\"verdict passed\">PASSED<")
            );
            Assert.That(File.ReadAllText(Path.Combine(directory.FullName, ReportWriter.SummaryFile)), Does.StartWith("## ✅ smoke: PASSED"));
            Assert.That(
                File.ReadAllText(Path.Combine(directory.FullName, ReportWriter.JUnitFile)),
                Does.Contain("<testsuite name=\"smoke\" tests=\"10\" failures=\"0\"")
            );
            Assert.That(
                await Harness.Cli.ReportCommand.ExecuteAsync(
                    Path.Combine(directory.FullName, "missing.json"),
                    null,
                    null,
                    output,
                    CancellationToken.None
                ),
                Is.EqualTo(2)
            );
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
