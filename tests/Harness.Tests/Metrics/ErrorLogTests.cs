using Harness.Metrics;
using Harness.Probes.Abstractions;

namespace Harness.Tests.Metrics;

/// <summary>The per-probe error summary: classes with counts, first/last time, first phase and one message; bounded.</summary>
public sealed class ErrorLogTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProbeError Error(
        string probe,
        string metric,
        string @class,
        string message,
        double seconds,
        string phase = "baseline"
    ) => new(metric, @class, message, At.AddSeconds(seconds), new SampleTags(probe, phase));

    [Test]
    public void For_GroupsByMetricAndClass_MostFrequentFirst_KeepsFirstMessageAndTimes()
    {
        var log = new ErrorLog();
        log.Add(Error("api", "ws_handshake_failed", "refused", "Connection refused (127.0.0.1:1)", 1));
        for (var i = 0; i < 3; i++)
            log.Add(Error("api", "ws_handshake_failed", "handshake_503", $"HTTP 503 #{i}", 12.3 + i, "degraded"));
        log.Add(Error("api", "ws_handshake_failed", "refused", "Connection refused (127.0.0.1:2)", 20, "degraded"));
        log.Add(Error("other", "http_req_failed", "timeout", "no response", 5));

        var errors = log.For("api");

        Assert.That(
            errors.Select(e => (e.Metric, e.Class, e.Count)),
            Is.EqualTo(new[] { ("ws_handshake_failed", "handshake_503", 3L), ("ws_handshake_failed", "refused", 2L) })
        );
        var refused = errors[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.FirstAt, Is.EqualTo(At.AddSeconds(1)));
            Assert.That(refused.LastAt, Is.EqualTo(At.AddSeconds(20)));
            Assert.That(refused.Phase, Is.EqualTo("baseline"), "the phase of the first occurrence");
            Assert.That(refused.Message, Is.EqualTo("Connection refused (127.0.0.1:1)"), "one example: the first");
            Assert.That(refused.Phases, Is.EquivalentTo(new Dictionary<string, long> { ["baseline"] = 1, ["degraded"] = 1 }));
            Assert.That(errors[0].Message, Is.EqualTo("HTTP 503 #0"));
            Assert.That(log.For("nobody"), Is.Empty);
        }
    }

    [Test]
    public void Add_ManyDistinctClasses_CappedWithTheRestCountedAsOther()
    {
        var log = new ErrorLog();
        for (var i = 0; i < ErrorLog.MaxClassesPerProbe + 50; i++)
        {
            for (var j = 0; j < 3; j++)
                log.Add(Error("api", "http_req_failed", $"status_{100 + i}", $"HTTP {100 + i}", i));
        }

        var errors = log.For("api");

        Assert.That(errors, Has.Count.EqualTo(ErrorLog.MaxClassesPerProbe + 1));
        Assert.That(errors.Sum(e => e.Count), Is.EqualTo(3 * (ErrorLog.MaxClassesPerProbe + 50)), "nothing is lost, only merged");
        var other = errors.Single(e => e.Class == ErrorLog.OtherClass);
        Assert.That(other.Count, Is.EqualTo(3 * 50));
        Assert.That(other.Message, Does.StartWith($"HTTP {100 + ErrorLog.MaxClassesPerProbe}"));
    }

    [Test]
    public void Add_MillionFailuresOfOneClass_OneEntry()
    {
        var log = new ErrorLog();
        for (var i = 0; i < 1_000_000; i++)
            log.Add(Error("api", "http_req_failed", "refused", "Connection refused", i / 1000.0));

        var single = log.For("api").Single();

        Assert.That((single.Count, single.LastAt), Is.EqualTo((1_000_000L, At.AddSeconds(999.999))));
    }

    [Test]
    public void InPhase_CountsPerClassOfOnePhase()
    {
        var log = new ErrorLog();
        for (var i = 0; i < 8; i++)
            log.Add(Error("api", "http_req_failed", "refused", "x", i));
        for (var i = 0; i < 2; i++)
            log.Add(Error("api", "http_req_failed", "timeout", "y", i));
        log.Add(Error("api", "http_req_failed", "timeout", "y", 30, "degraded"));

        Assert.That(log.InPhase("api", "baseline"), Is.EqualTo(new[] { ("refused", 8L), ("timeout", 2L) }));
    }
}
