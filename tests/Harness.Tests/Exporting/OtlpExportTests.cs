using Harness.Exporting;
using Harness.Tests.Exporting.Otlp;
using Harness.Tests.Reports;
using Harness.TestSupport;

namespace Harness.Tests.Exporting;

public sealed class OtlpExportTests
{
    private static Dictionary<string, string> Attributes(NumberDataPoint point) =>
        point.Attributes.ToDictionary(a => a.Key, a => a.Value.StringValue, StringComparer.Ordinal);

    [Test]
    public async Task Export_SendsEveryFamilyAsGaugesWithScenarioCellAndResource()
    {
        await using var receiver = new RecordingReceiver();
        var results = ReportFixtures.Results() with { Scenario = ReportFixtures.Results().Scenario with { Cell = "net=3g" } };

        var accepted = await Task.Run(() => OtlpExport.Export(receiver.BaseUri, results, TimeSpan.FromSeconds(30)));

        Assert.That(accepted, Is.True);
        var posts = receiver.Requests.Where(r => r.Body.Length > 0).ToList();
        Assert.That(posts, Has.Count.EqualTo(1), "one export with data (the shutdown's collection has nothing new)");
        Assert.That(posts[0].Method, Is.EqualTo("POST"));
        Assert.That(posts[0].Path, Is.EqualTo("/v1/metrics"));
        Assert.That(posts[0].Headers["Content-Type"], Is.EqualTo("application/x-protobuf"));
        var request = ExportMetricsServiceRequest.Parser.ParseFrom(posts[0].Body);
        var resource = request.ResourceMetrics.Single();
        Assert.That(resource.Resource.Attributes.Single(a => a.Key == "service.name").Value.StringValue, Is.EqualTo("harness"));
        var metrics = resource.ScopeMetrics.SelectMany(s => s.Metrics).ToDictionary(m => m.Name, StringComparer.Ordinal);
        var expected = ResultSeries.From(results);
        Assert.That(metrics.Keys, Is.EquivalentTo(expected.Select(f => f.Name)));
        foreach (var family in expected)
        {
            var metric = metrics[family.Name];
            Assert.That(metric.DataCase, Is.EqualTo(Metric.DataOneofCase.Gauge), family.Name);
            Assert.That(
                metric.Unit,
                Is.EqualTo(
                    family.Unit switch
                    {
                        "seconds" => "s",
                        "ratio" => "1",
                        _ => "",
                    }
                ),
                family.Name
            );
            Assert.That(metric.Gauge.DataPoints, Has.Count.EqualTo(family.Samples.Count), family.Name);
            foreach (var sample in family.Samples)
            {
                var labels = sample.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
                labels["scenario"] = "demo";
                labels["cell"] = "net=3g";
                var point = metric.Gauge.DataPoints.Single(p =>
                    Attributes(p).OrderBy(a => a.Key).SequenceEqual(labels.OrderBy(a => a.Key))
                );
                Assert.That(point.AsDouble, Is.EqualTo(sample.Value), family.Name);
            }
        }
        var observed = metrics["harness_threshold_observed"].Gauge.DataPoints.Single();
        Assert.That(observed.AsDouble, Is.EqualTo(0.30195).Within(1e-12));
        Assert.That(Attributes(observed)["phase"], Is.EqualTo("slow"));
    }

    [Test]
    public async Task Export_CollectorAnswers400_ReturnsFalse()
    {
        await using var receiver = new RecordingReceiver { Status = 400 };

        var accepted = await Task.Run(() => OtlpExport.Export(receiver.BaseUri, ReportFixtures.Results(), TimeSpan.FromSeconds(30)));

        Assert.That(accepted, Is.False);
    }

    [TestCase("http://c.test:4318", "http://c.test:4318/v1/metrics")]
    [TestCase("http://c.test:4318/", "http://c.test:4318/v1/metrics")]
    [TestCase("http://c.test/otlp/v1/metrics", "http://c.test/otlp/v1/metrics")]
    public void MetricsEndpoint_BaseGetsV1MetricsAPathIsKept(string url, string endpoint) =>
        Assert.That(OtlpExport.MetricsEndpoint(new Uri(url)).ToString(), Is.EqualTo(endpoint));
}
