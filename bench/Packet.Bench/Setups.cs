using System.Net;
using Harness.Impairment.Control;
using Harness.Impairment.Model;
using Harness.Impairment.Packet.Namespaces;
using Harness.Impairment.Packet.Pipeline;

namespace Harness.Packet.Bench;

/// <summary>Where the probes connect for one cell and mode; disposing removes what was set up.</summary>
internal interface ISetup : IAsyncDisposable
{
    Uri Echo { get; }

    IPEndPoint Bulk { get; }
}

/// <summary>Packet mode: the echo server inside a namespace behind an impaired TUN link, as <c>network.mode: packet</c> runs it.</summary>
internal sealed class PacketSetup(PacketNetwork network, ServerProcess server) : ISetup
{
    public Uri Echo => new($"ws://{network.Addresses.Inner}:{server.WsPort}/echo");

    public IPEndPoint Bulk => new(network.Addresses.Inner, server.BulkPort);

    public static async Task<PacketSetup> StartAsync(Cell cell, int seed, string? congestion)
    {
        var network = PacketNetwork.Create(new PacketNetworkOptions { Seed = seed });
        try
        {
            if (congestion is not null)
                SetCongestionControl(network, congestion);
            var settings = new PacketImpairmentSettings
            {
                Delay = TimeSpan.FromMilliseconds(cell.RttMs / 2.0),
                LossPercent = cell.LossPercent,
            };
            var server = await ServerProcess.StartAsync(network.InsideNamespace([]), network.Addresses.Inner.ToString());
            network.Upstream.Settings = settings;
            network.Downstream.Settings = settings;
            return new PacketSetup(network, server);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>The namespace's congestion control (the bulk sender's and the echo server's).</summary>
    public string CongestionControl => Inside(network, "cat " + CongestionFile).Trim();

    private const string CongestionFile = "/proc/sys/net/ipv4/tcp_congestion_control";

    private static void SetCongestionControl(PacketNetwork network, string name) => Inside(network, $"echo {name} > {CongestionFile}");

    private static string Inside(PacketNetwork network, string script)
    {
        var info = new System.Diagnostics.ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in network.InsideNamespace(["sh", "-c", script]).Skip(1))
            info.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"'{script}' in the namespace failed: {error.Trim()}");
    }

    public string Name => network.Names.Namespace;

    public PacketCounters Up => network.Upstream.Counters;

    public PacketCounters Down => network.Downstream.Counters;

    public ValueTask DisposeAsync()
    {
        server.Dispose();
        network.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Stream model: the same server on loopback behind the embedded engine with loss and latency toxics each way.</summary>
internal sealed class StreamSetup(ImpairmentEngine engine, ServerProcess server, string echoListen, string bulkListen) : ISetup
{
    public Uri Echo => new($"ws://{echoListen}/echo");

    public IPEndPoint Bulk => IPEndPoint.Parse(bulkListen);

    /// <param name="rtt">Whether the loss toxics are told the cell's round trip (the calibrated model) or not (plain rto stalls).</param>
    public static async Task<StreamSetup> StartAsync(Cell cell, int seed, bool rtt)
    {
        var server = await ServerProcess.StartAsync([], "127.0.0.1");
        var engine = new ImpairmentEngine(new ImpairmentEngineOptions { Seed = seed });
        try
        {
            var echo = await ProxyAsync(engine, "echo", server.WsPort, cell, rtt);
            var bulk = await ProxyAsync(engine, "bulk", server.BulkPort, cell, rtt);
            return new StreamSetup(engine, server, echo, bulk);
        }
        catch
        {
            await engine.DisposeAsync();
            server.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await engine.DisposeAsync();
        server.Dispose();
    }

    private static async Task<string> ProxyAsync(ImpairmentEngine engine, string name, int port, Cell cell, bool rtt)
    {
        var created = engine.CreateProxy(new ProxySpec(name, $"127.0.0.1:{port}", "127.0.0.1:0"));
        if (!created.IsSuccess)
            throw new InvalidOperationException(created.Error?.Message);
        foreach (var stream in new[] { "upstream", "downstream" })
        {
            await AddAsync(
                engine,
                name,
                new ToxicSpec(
                    "loss",
                    $"loss_{stream}",
                    stream,
                    Attributes: Values(("probability", cell.LossPercent), ("rtt", rtt ? cell.RttMs : 0))
                )
            );
            await AddAsync(
                engine,
                name,
                new ToxicSpec("latency", $"latency_{stream}", stream, Attributes: Values(("latency", cell.RttMs / 2)))
            );
        }
        return created.Value!.Listen;
    }

    private static async Task AddAsync(ImpairmentEngine engine, string proxy, ToxicSpec spec)
    {
        var added = await engine.AddToxicAsync(proxy, spec);
        if (!added.IsSuccess)
            throw new InvalidOperationException(added.Error?.Message);
    }

    private static ToxicAttributeInput Values(params (string Name, long Value)[] values) =>
        ToxicAttributeInput.FromValues(values.ToDictionary(v => v.Name, v => v.Value));
}
