using Harness.Impairment.Packet.Pipeline;
using Harness.Impairment.Packet.Resets;

namespace Harness.Impairment.Packet.Forwarding;

/// <summary>
/// The two directions between the harness's side (<c>host</c> device) and a namespace (<c>inner</c> device):
/// <see cref="Upstream"/> carries packets towards the namespace, <see cref="Downstream"/> back.
/// </summary>
internal sealed class PacketLink : IDisposable
{
    private readonly DirectionPump _up;
    private readonly DirectionPump _down;
    private readonly TcpFlowTable _flows = new();

    public PacketLink(TunDevice host, TunDevice inner, int seed, TimeProvider time)
    {
        _up = new DirectionPump($"{host.Name}-up", host, inner, new PacketPipeline(new Random(seed), time), _flows, true);
        _down = new DirectionPump(
            $"{host.Name}-down",
            inner,
            host,
            new PacketPipeline(new Random(unchecked(seed * 31 + 7)), time),
            _flows,
            false
        );
    }

    public PacketPipeline Upstream => _up.Pipeline;

    public PacketPipeline Downstream => _down.Pipeline;

    public long WriteFailures => _up.WriteFailures + _down.WriteFailures;

    /// <summary>Resets every TCP connection crossing the link, as a middlebox would: RSTs to both ends; returns how many.</summary>
    public int ResetConnections()
    {
        var forged = _flows.ForgeResets();
        _up.Inject(forged.ToInner);
        _down.Inject(forged.ToOuter);
        return forged.Flows;
    }

    public void Start()
    {
        _up.Start();
        _down.Start();
    }

    public void Dispose()
    {
        _up.Dispose();
        _down.Dispose();
    }
}
