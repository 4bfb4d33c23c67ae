using System.Globalization;
using Harness.Reports;

namespace Harness.Tests.Reports.Units;

/// <summary>The one formatting helper every output uses for values with units.</summary>
public sealed class ReportFormatUnitsTests
{
    [TestCase("http_req_duration", "p(95)", 1.102, "1.10 ms")]
    [TestCase("http_req_duration", "p(95)", 54.34, "54.3 ms")]
    [TestCase("http_req_duration", "avg", 147.4, "147 ms")]
    [TestCase("http_req_failed", "rate", 0.05, "5 %")]
    [TestCase("checks", "rate", 0.9975, "99.75 %")]
    [TestCase("ws_msgs_lost", "count", 3, "3")]
    [TestCase("http_reqs", "count", 1234, "1234")]
    [TestCase("browser_cls", "p(75)", 0.12, "0.12")]
    [TestCase("vus", "max", 20, "20")]
    [TestCase("not_a_metric", "avg", 2.5, "2.5")]
    public void Measured_ByMetricAndAggregation(string metric, string aggregation, double value, string expected) =>
        Assert.That(ReportFormat.Measured(value, metric, aggregation), Is.EqualTo(expected));

    [TestCase(0, "0 B")]
    [TestCase(999, "999 B")]
    [TestCase(1536, "1.5 KB")]
    [TestCase(2_500_000, "2.4 MB")]
    [TestCase(3_221_225_472, "3 GB")]
    public void Bytes_PicksTheUnit(long bytes, string expected) => Assert.That(ReportFormat.Bytes(bytes), Is.EqualTo(expected));

    [TestCase("latency", "latency", 200, "latency 200 ms")]
    [TestCase("bandwidth", "rate", 500, "rate 500 KB/s")]
    [TestCase("limit_data", "bytes", 2048, "bytes 2 KB")]
    [TestCase("slicer", "delay", 10, "delay 10 µs")]
    [TestCase("slow_close", "delay", 10, "delay 10 ms")]
    [TestCase("loss", "probability", 2, "probability 2 %")]
    [TestCase("reset_peer", "rst", 1, "rst 1")]
    public void ToxicAttribute_WithItsUnit(string type, string key, long value, string expected) =>
        Assert.That(ReportFormat.ToxicAttribute(type, key, value), Is.EqualTo(expected));

    [Test]
    public void Measured_IgnoresTheCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        // A culture with a decimal comma (the machine runs in globalization-invariant mode, so no named culture is available).
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = comma;
        try
        {
            Assert.That(ReportFormat.Measured(1.5, "http_req_duration", "avg"), Is.EqualTo("1.50 ms"));
            Assert.That(ReportFormat.Bytes(1536), Is.EqualTo("1.5 KB"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
