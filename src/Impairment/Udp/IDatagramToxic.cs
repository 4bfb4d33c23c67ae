namespace Harness.Impairment.Udp;

/// <summary>
/// A toxic for datagrams: decides per datagram, synchronously, from the session direction's seeded random source
/// and its own per-direction state. It never touches sockets or waits; the scheduler does the sending.
/// </summary>
internal interface IDatagramToxic
{
    /// <summary>Per session and direction; null when the toxic keeps no state.</summary>
    object? CreateState();

    void Apply(DatagramFate fate, Random random, object? state);
}
