namespace Harness.Impairment.Control;

/// <summary>Toxic calls addressed to a UDP proxy; the TCP paths ask here first (one line each).</summary>
public sealed partial class ImpairmentEngine
{
    private bool TryUdpToxics(string proxy, out ImpairmentResult<IReadOnlyList<ToxicState>> result)
    {
        lock (_gate)
        {
            var found = _udp.TryGetValue(proxy, out var udp);
            result = found ? ImpairmentResult<IReadOnlyList<ToxicState>>.Success(udp!.Toxics.States()) : default;
            return found;
        }
    }

    private bool TryUdpToxic(string proxy, string toxic, out ImpairmentResult<ToxicState> result)
    {
        lock (_gate)
        {
            var found = _udp.TryGetValue(proxy, out var udp);
            result = found ? udp!.Toxics.Find(toxic) is { } state ? state : ImpairmentError.ToxicNotFound : default;
            return found;
        }
    }

    private bool TryAddUdpToxic(string proxy, ToxicSpec spec, out ImpairmentResult<ToxicState> result)
    {
        lock (_gate)
        {
            var found = _udp.TryGetValue(proxy, out var udp);
            result = found ? udp!.Toxics.Add(spec) : default;
            return found;
        }
    }

    private bool TryUpdateUdpToxic(string proxy, string toxic, ToxicPatch patch, out ImpairmentResult<ToxicState> result)
    {
        lock (_gate)
        {
            var found = _udp.TryGetValue(proxy, out var udp);
            result = found ? udp!.Toxics.Update(toxic, patch) : default;
            return found;
        }
    }

    private bool TryRemoveUdpToxic(string proxy, string toxic, out ImpairmentError? error)
    {
        lock (_gate)
        {
            var found = _udp.TryGetValue(proxy, out var udp);
            error = found ? udp!.Toxics.Remove(toxic) : null;
            return found;
        }
    }
}
