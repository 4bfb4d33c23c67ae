using System.Net.Sockets;
using Harness.Impairment.Control;
using Harness.Impairment.Model;
using Harness.TestSupport;
using Impairment.Tests.Support;

namespace Impairment.Tests.Integration;

/// <summary>
/// The engine's seed (the server's <c>-seed</c>) replays toxicity draws, jitter values and loss decisions for the
/// same sequence of connections and chunks; a different seed gives different ones.
/// </summary>
public sealed class SeedDeterminismTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(20);

    [Test]
    public async Task Seed_SameConnectionsAndChunks_SameToxicityJitterAndLossDecisions()
    {
        var first = await RecordAsync(seed: 42);
        var second = await RecordAsync(seed: 42);
        var other = await RecordAsync(seed: 43);

        Assert.That(second.Toxicity, Is.EqualTo(first.Toxicity));
        Assert.That(second.Timers, Is.EqualTo(first.Timers));
        Assert.That(first.Toxicity, Does.Contain(true).And.Contain(false), "toxicity 0.5 splits the connections");
        Assert.That((other.Toxicity, other.Timers), Is.Not.EqualTo((first.Toxicity, first.Timers)));
    }

    [Test]
    public async Task Decisions_SameSeed_SameRecordPerConnectionOrdinal_OtherSeedDiffers()
    {
        var first = await DecisionsAsync(seed: 42);
        var second = await DecisionsAsync(seed: 42);
        var other = await DecisionsAsync(seed: 43);

        Assert.That(first, Has.Count.EqualTo(8 * 2), "8 connections x (upstream latency + downstream loss)");
        Assert.That(Describe(second), Is.EqualTo(Describe(first)));
        Assert.That(first.Select(d => d.Applied), Does.Contain(true).And.Contain(false), "toxicity 0.5 splits the links");
        Assert.That(
            first.Where(d => d.Toxic == "lat").Select(d => d.Draws[0] < 0.5),
            Is.EqualTo(first.Where(d => d.Toxic == "lat").Select(d => d.Applied)),
            "the first recorded draw is the toxicity draw"
        );
        Assert.That(
            first.Where(d => d.Applied && d.Toxic == "lat").Select(d => d.Draws.Count),
            Is.All.GreaterThan(1),
            "jitter draws follow"
        );
        Assert.That(Describe(other), Is.Not.EqualTo(Describe(first)));
    }

    // Real clock and sockets: the connection ordinal, not the timing, decides; connections are opened one by one.
    private static async Task<List<LinkDecision>> DecisionsAsync(long seed)
    {
        using var cts = new CancellationTokenSource(Bounded);
        await using var echo = new EchoServer();
        await using var engine = new ImpairmentEngine(new ImpairmentEngineOptions { Seed = seed });
        var listen = engine.CreateProxy(new ProxySpec("p", echo.Address, "127.0.0.1:0")).Value!.Listen;
        await AddAsync(engine, "latency", "upstream", 0.5f, "lat", ("latency", 1), ("jitter", 1));
        await AddAsync(engine, "loss", "downstream", 0.5f, "loss", ("probability", 0));
        for (var c = 0; c < 8; c++)
        {
            using var client = await ConnectAsync(listen, cts.Token);
            for (var i = 0; i < 3; i++)
            {
                await client.SendAsync(new byte[] { (byte)i }, SocketFlags.None, cts.Token);
                Assert.That(await ReceiveOneAsync(client, cts.Token), Is.EqualTo(1));
            }
        }
        return [.. engine.Decisions("p").Value!];
    }

    // Draws past the first are compared as far as both runs drew (how many chunks a link sees is up to TCP).
    private static List<string> Describe(IEnumerable<LinkDecision> decisions) =>
        decisions.Select(d => FormattableString.Invariant($"{d.Connection} {d.Stream} {d.Toxic} {d.Applied} {d.Draws[0]}")).ToList();

    private static async Task<(List<bool> Toxicity, List<TimeSpan> Timers)> RecordAsync(long seed)
    {
        using var cts = new CancellationTokenSource(Bounded);
        await using var echo = new EchoServer();
        var time = new SteppingTimeProvider();
        await using var engine = new ImpairmentEngine(new ImpairmentEngineOptions { Seed = seed, TimeProvider = time });
        var listen = engine.CreateProxy(new ProxySpec("p", echo.Address, "127.0.0.1:0")).Value!.Listen;
        // Upstream: a toxicity-0.5 limit of 0 bytes ends affected connections at their first byte.
        await AddAsync(engine, "limit_data", "upstream", 0.5f, ("bytes", 0));
        // Downstream: jitter and loss; every timer they create is a drawn delay or a loss decision.
        await AddAsync(engine, "latency", "downstream", 1f, ("latency", 100), ("jitter", 50), ("distribution", 2));
        await AddAsync(engine, "loss", "downstream", 1f, ("probability", 30));

        var toxicity = new List<bool>();
        for (var c = 0; c < 12; c++)
        {
            using var client = await ConnectAsync(listen, cts.Token);
            var affected = false;
            for (var i = 0; i < 4 && !affected; i++)
            {
                await client.SendAsync(new byte[] { (byte)i }, SocketFlags.None, cts.Token);
                var reply = ReceiveOneAsync(client, cts.Token);
                await time.RunUntilAsync(reply, Bounded);
                affected = await reply == 0;
            }
            toxicity.Add(affected);
        }
        return (toxicity, time.Jumps);
    }

    private static Task AddAsync(ImpairmentEngine engine, string type, string stream, float toxicity, params (string, long)[] attributes) =>
        AddAsync(engine, type, stream, toxicity, null, attributes);

    private static async Task AddAsync(
        ImpairmentEngine engine,
        string type,
        string stream,
        float toxicity,
        string? name,
        params (string, long)[] attributes
    )
    {
        var spec = new ToxicSpec(
            type,
            Name: name,
            Stream: stream,
            Toxicity: toxicity,
            Attributes: ToxicAttributeInput.FromValues(TestToxics.Attributes(attributes))
        );
        Assert.That((await engine.AddToxicAsync("p", spec)).IsSuccess, Is.True);
    }

    private static async Task<Socket> ConnectAsync(string listen, CancellationToken token)
    {
        var colon = listen.LastIndexOf(':');
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(listen[..colon], int.Parse(listen[(colon + 1)..]), token);
        return socket;
    }

    private static async Task<int> ReceiveOneAsync(Socket client, CancellationToken token)
    {
        try
        {
            return await client.ReceiveAsync(new byte[1], SocketFlags.None, token);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
    }
}
