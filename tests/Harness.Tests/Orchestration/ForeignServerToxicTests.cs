using Harness.Orchestration;
using Harness.Scenarios.Model;

namespace Harness.Tests.Orchestration;

/// <summary>A real Toxiproxy refuses the harness's own toxic types: the error says which types and what to use instead.</summary>
public sealed class ForeignServerToxicTests
{
    private static async Task<InfrastructureException> AddRefused(string type)
    {
        var client = new FakeToxiproxyClient();
        client.UnknownToxicTypes.Add(type);
        var session = new ImpairmentSession(client, "run-", _ => { });
        await session.CreateProxiesAsync(
            [new ProxySpec("edge", null, "127.0.0.1:5000", "127.0.0.1:0", [])],
            new Dictionary<string, LaunchedService>(),
            CancellationToken.None
        );
        var toxic = new ToxicSpec("edge", "t", type, ToxicDirection.Downstream, 1, new Dictionary<string, long>());
        return (
            await Assert.ThrowsAsync<InfrastructureException>(() =>
                session.ApplyAsync(new PhaseSpec("p", TimeSpan.FromSeconds(1), [toxic]), default)
            )
        )!;
    }

    [TestCase("loss")]
    [TestCase("cut_after")]
    public async Task OwnToxicType_RefusedByTheServer_SaysItNeedsTheHarnessServer(string type)
    {
        var error = await AddRefused(type);

        Assert.That(error.Message, Does.Contain("HTTP 400"));
        Assert.That(error.Message, Does.Contain($"'{type}' is a toxic type of the harness's own server"));
        Assert.That(error.Message, Does.Contain("harness toxiproxy"));
    }

    [Test]
    public async Task ToxiproxyType_Refused_NoHintAboutOurServer()
    {
        var error = await AddRefused("latency");

        Assert.That(error.Message, Does.Contain("HTTP 400").And.Not.Contains("harness's own server"));
    }
}
