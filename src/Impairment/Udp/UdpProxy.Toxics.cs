namespace Harness.Impairment.Udp;

/// <summary>
/// A UDP proxy's toxic calls (<see cref="IProxy"/>), answered by its <see cref="UdpToxicSet"/>. A change applies to
/// the next datagram of every session, so there is never an adoption to wait for.
/// </summary>
internal sealed partial class UdpProxy
{
    public ProxyProtocol Protocol => ProxyProtocol.Udp;

    /// <summary>Always empty: a UDP proxy decides per datagram, not per connection.</summary>
    public IReadOnlyList<LinkDecision> Decisions() => [];

    public IReadOnlyList<ToxicState> ListToxics() => Toxics.States();

    public ToxicState? GetToxic(string name) => Toxics.Find(name);

    public ToxicChange<ImpairmentResult<ToxicState>> AddToxic(ToxicSpec spec) => new(Toxics.Add(spec), null);

    public ToxicChange<ImpairmentResult<ToxicState>> UpdateToxic(string name, ToxicPatch patch) => new(Toxics.Update(name, patch), null);

    public ToxicChange<ImpairmentError?> RemoveToxic(string name) => new(Toxics.Remove(name), null);

    public Task? ClearToxics()
    {
        Toxics.Clear();
        return null;
    }
}
