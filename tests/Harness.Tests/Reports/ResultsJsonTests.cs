using Harness.Reports;

namespace Harness.Tests.Reports;

public sealed class ResultsJsonTests
{
    [Test]
    public async Task WriteAsync_ThenRead_RoundTripsAndUsesSnakeCase()
    {
        var directory = Directory.CreateTempSubdirectory("harness-results-");
        try
        {
            var path = Path.Combine(directory.FullName, "results.json");
            var results = ReportFixtures.Results();

            await ResultsJson.WriteAsync(results, path, CancellationToken.None);
            var text = await File.ReadAllTextAsync(path);
            var read = ResultsJson.Read(path)!;

            Assert.That(
                text,
                Does.Contain("\"schema_version\": 1").And.Contain("\"status\": \"failed\"").And.Contain("\"http_req_duration\"")
            );
            Assert.That(read.Thresholds.Single().Observed, Is.EqualTo(301.95));
            Assert.That(
                read.Probes.Single().Metrics.Single().Phases["slow"].P95,
                Is.EqualTo(results.Probes[0].Metrics[0].Phases["slow"].P95)
            );
            Assert.That(File.Exists(path + ".tmp"), Is.False);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
