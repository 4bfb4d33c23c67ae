namespace Harness.Impairment.Udp;

/// <summary>
/// <c>bandwidth</c> on a UDP proxy: a serial link of <c>rate</c> KB/s (KB = 1000 bytes) per session direction.
/// Each datagram (every copy) leaves once the link is free and its bytes have been clocked out; nothing is dropped,
/// so an overloaded link queues (delay grows) rather than loses. <c>rate</c> 0 drops every datagram.
/// </summary>
internal sealed class DatagramBandwidthToxic(long rateKbPerSecond) : IDatagramToxic
{
    public object? CreateState() => new Link();

    public void Apply(DatagramFate fate, Random random, object? state)
    {
        if (rateKbPerSecond <= 0)
        {
            fate.Dropped = true;
            return;
        }
        var link = (Link)state!;
        var ready = fate.Now + fate.Delay;
        var start = ready > link.FreeAt ? ready : link.FreeAt;
        var transmit = TimeSpan.FromSeconds((double)fate.Length * fate.Copies / (rateKbPerSecond * 1000.0));
        link.FreeAt = start + transmit;
        fate.Delay = link.FreeAt - fate.Now;
    }

    private sealed class Link
    {
        public DateTimeOffset FreeAt { get; set; } = DateTimeOffset.MinValue;
    }
}
