using Harness.Probes.Http;
using Harness.Probes.Load;
using Harness.Probes.WebSockets;

namespace Probes.Tests.Load;

public sealed class LoadProbeOptionsTests
{
    private static readonly HttpProbeOptions Http = new("h", new Uri("http://127.0.0.1/"));

    [Test]
    public void Problems_ManyMistakes_EveryOneReported()
    {
        var options = new LoadProbeOptions("api", new ConstantArrivalRate(0, TimeSpan.Zero, TimeSpan.FromSeconds(-1), 5, 2))
        {
            Iterations = 0,
            GracefulStop = TimeSpan.FromSeconds(-1),
        };

        var problems = options.Problems();

        Assert.That(problems, Has.Count.EqualTo(7));
        Assert.That(problems, Is.All.StartsWith("load probe 'api': "));
        Assert.That(problems, Has.Some.Contains("Rate must be at least 1"));
        Assert.That(problems, Has.Some.Contains("MaxVus must be at least PreAllocatedVus"));
        Assert.That(problems, Has.Some.Contains("exactly one of Http and WebSocket"));
    }

    [Test]
    public void Problems_InvalidIterationOptions_Included()
    {
        var options = new LoadProbeOptions("ws", new RampingVus(0, []))
        {
            WebSocket = new WebSocketProbeOptions("w", new Uri("http://127.0.0.1/")) { Clients = 0 },
        };

        var problems = options.Problems();

        Assert.That(problems, Has.Some.Contains("Stages must hold at least one stage"));
        Assert.That(problems, Has.Some.Contains("ws or wss URL"));
        Assert.That(problems, Has.Some.Contains("Clients must be at least 1"));
    }

    [Test]
    public void Constructor_Invalid_ThrowsWithAllProblems()
    {
        var options = new LoadProbeOptions("api", new ConstantVus(0, TimeSpan.Zero)) { Http = Http };

        var ex = Assert.Throws<ArgumentException>(() => _ = new LoadProbe(options));
        Assert.That(ex.Message, Does.Contain("Vus must be at least 1").And.Contain("Duration must be positive"));
    }

    [Test]
    public void Problems_Valid_Empty() =>
        Assert.That(new LoadProbeOptions("api", new ConstantVus(1, TimeSpan.FromSeconds(1))) { Http = Http }.Problems(), Is.Empty);
}
