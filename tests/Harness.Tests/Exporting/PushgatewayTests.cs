using System.Text;
using Harness.Exporting;
using Harness.Tests.Reports;
using Harness.TestSupport;

namespace Harness.Tests.Exporting;

public sealed class PushgatewayTests
{
    private static readonly Uri Base = new("http://127.0.0.1:9091/");

    [Test]
    public void GroupUrl_PlainNames_AsTheyAre() =>
        Assert.That(
            Pushgateway.GroupUrl(Base, "smoke-test_1.2", null).ToString(),
            Is.EqualTo("http://127.0.0.1:9091/metrics/job/harness/scenario/smoke-test_1.2")
        );

    [Test]
    public void GroupUrl_CellWithEqualsAndCommas_Base64UrlEncoded()
    {
        var url = Pushgateway.GroupUrl(Base, "smoke", "network=3g,version=2.4");

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("network=3g,version=2.4")).Replace('+', '-').Replace('/', '_');
        Assert.That(url.AbsolutePath, Is.EqualTo($"/metrics/job/harness/scenario/smoke/cell@base64/{encoded}"));
    }

    [TestCase("a/b")]
    [TestCase("..")]
    [TestCase("x\ny\"z")]
    [TestCase("")]
    public void GroupUrl_HostileScenarioName_OneBase64SegmentThatDecodesBack(string name)
    {
        var url = Pushgateway.GroupUrl(new Uri("http://gw.test:9091/prefix/"), name, null);

        var segments = url.AbsolutePath.Split('/');
        Assert.That(segments[..^1], Is.EqualTo(new[] { "", "prefix", "metrics", "job", "harness", "scenario@base64" }));
        var value =
            segments[^1] == "=" ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(segments[^1].Replace('-', '+').Replace('_', '/')));
        Assert.That(value, Is.EqualTo(name));
    }

    [Test]
    public async Task PushAsync_PutsTheTextFormatToTheGroup()
    {
        await using var receiver = new RecordingReceiver();
        using var http = new HttpClient();
        var results = ReportFixtures.Results() with { Scenario = ReportFixtures.Results().Scenario with { Cell = "net=3g" } };

        await Pushgateway.PushAsync(http, receiver.BaseUri, results, CancellationToken.None);

        var request = receiver.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("PUT"));
            Assert.That(
                request.Path,
                Is.EqualTo("/metrics/job/harness/scenario/demo/cell@base64/" + Convert.ToBase64String(Encoding.UTF8.GetBytes("net=3g")))
            );
            Assert.That(request.Headers["Content-Type"], Does.StartWith("text/plain; version=0.0.4"));
            Assert.That(request.Text, Is.EqualTo(PrometheusText.Render(ResultSeries.From(results))));
            Assert.That(request.Text, Does.Contain("harness_run_passed 0\n"));
        });
    }

    [Test]
    public async Task PushAsync_Non2xx_ThrowsWithTheStatus()
    {
        await using var receiver = new RecordingReceiver { Status = 400 };
        using var http = new HttpClient();

        var e = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Pushgateway.PushAsync(http, receiver.BaseUri, ReportFixtures.Results(), CancellationToken.None)
        );

        Assert.That(e!.Message, Does.StartWith("HTTP 400"));
    }
}
