namespace Harness.Impairment.Packet.Pipeline;

/// <summary>What the forwarder does with a packet after <see cref="PacketPipeline.OfferOrPass"/>.</summary>
internal enum PassResult
{
    /// <summary>Dropped (loss, partition, queue, MTU): nothing to write.</summary>
    Dropped,

    /// <summary>Due now with nothing held before it: write it (twice when duplicated) from the caller's buffer.</summary>
    WriteNow,

    /// <summary>Held; the first due packet is unchanged.</summary>
    Held,

    /// <summary>Held and now the first to leave: whoever waits for the next release time must look again.</summary>
    HeldFirst,
}
