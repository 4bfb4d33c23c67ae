using Harness.Impairment;
using Harness.Metrics;
using Harness.Orchestration;
using Harness.Probes.Abstractions;
using Harness.Reports;
using Harness.Scenarios.Model;

namespace Harness.Tests.Orchestration;

/// <summary>A link's exchanges become its samples (for thresholds) and its report figures.</summary>
public sealed class LinkObserverTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ProxySpec Link = new("eu--us", "us", null, "127.0.0.1:0", [])
    {
        Link = new ServiceLink("eu", "us", "eu-west", "us-east", TimeSpan.FromMilliseconds(76)),
    };

    private static readonly ProxySpec Plain = new("edge", "us", null, "127.0.0.1:0", ["us.test"]);

    [Test]
    public void Exchanges_BecomeLinkSamplesInTheCurrentPhaseAndFigures()
    {
        var store = new MetricStore();
        var listeners = new Dictionary<string, Action<ProxyExchange>>();
        var phase = "warm";
        using var observer = LinkObserver.Start(
            [Plain, Link],
            p => "srv-" + p,
            (name, listener) => Watch(listeners, name, listener),
            store,
            () => phase
        );

        listeners["srv-eu--us"](new ProxyExchange(At, ProxyExchangeKind.Connected, TimeSpan.Zero));
        listeners["srv-eu--us"](new ProxyExchange(At, ProxyExchangeKind.Answered, TimeSpan.FromMilliseconds(80)));
        phase = "hot";
        listeners["srv-eu--us"](new ProxyExchange(At, ProxyExchangeKind.Abandoned, TimeSpan.FromMilliseconds(60)));
        listeners["srv-eu--us"](new ProxyExchange(At, ProxyExchangeKind.Abandoned, TimeSpan.FromMilliseconds(62)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(listeners.Keys, Is.EqualTo(new[] { "srv-eu--us" }), "only links are watched");
            Assert.That(store.Summarize("eu--us", MetricNames.LinkWait, "warm", TimeSpan.FromSeconds(1)).Med, Is.EqualTo(80));
            Assert.That(store.Summarize("eu--us", MetricNames.LinkAbandoned, "hot", TimeSpan.FromSeconds(1)).Count, Is.EqualTo(2));
            Assert.That(
                store.Summarize("eu--us", MetricNames.LinkReqAbandoned, null, TimeSpan.FromSeconds(1)).Rate,
                Is.EqualTo(2 / 3.0).Within(1e-9)
            );
            var result = observer.ResultFor("eu--us")!;
            Assert.That(
                (result.Connections, result.Answered, result.Abandoned, result.WaitMedianMs, result.AbandonedAfterMedianMs),
                Is.EqualTo(((long?)1, (long?)1, (long?)2, (double?)80, (double?)61))
            );
            Assert.That(LinkText.Carried(result), Does.Contain("2 requests abandoned by eu after a median 61 ms"));
            Assert.That(observer.ResultFor("edge"), Is.Null);
        }
    }

    [Test]
    public void WithoutAnEmbeddedServer_LinksAreReportedAsUnobserved()
    {
        using var observer = LinkObserver.Start([Link], p => p, null, new MetricStore(), () => "a");

        var result = observer.ResultFor("eu--us")!;

        Assert.That((result.Observed, result.Connections), Is.EqualTo((false, (long?)null)));
        Assert.That(LinkText.Carried(result), Does.Contain("counted only on the embedded server"));
    }

    private static IDisposable Watch(Dictionary<string, Action<ProxyExchange>> listeners, string name, Action<ProxyExchange> listener)
    {
        listeners[name] = listener;
        return new CancellationTokenSource();
    }
}
