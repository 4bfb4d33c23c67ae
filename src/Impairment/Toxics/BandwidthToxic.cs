namespace Harness.Impairment.Toxics;

/// <summary>
/// Limits the link to rate × 1000 bytes/s. Each piece adds len/rate ms to a running debt that is waited off before
/// the piece leaves; timer overshoot is subtracted from the debt so the long-run rate stays exact. Chunks larger
/// than rate × 100 bytes leave in such pieces (one per 100 ms). Rate 0 holds data until the toxic is removed.
/// </summary>
internal sealed class BandwidthToxic(BandwidthAttributes attributes) : IToxic
{
    public static ToxicKind Kind { get; } =
        new(BandwidthAttributes.Schema, wire => new BandwidthToxic(BandwidthAttributes.From(wire)), BandwidthAttributes.Validate);

    public async Task PipeAsync(ToxicStub stub)
    {
        var rate = attributes.BytesPerMillisecond;
        var debt = TimeSpan.Zero;
        while (true)
        {
            var read = await stub.ReadAsync().ConfigureAwait(false);
            if (read.Kind == StubReadKind.Interrupted)
                return;
            if (read.Kind == StubReadKind.EndOfStream)
            {
                stub.Close();
                return;
            }

            var pending = read.Chunk.Data;
            while (pending.Length > 0)
            {
                var size = rate == 0 ? pending.Length : (int)Math.Min(pending.Length, rate * 100);
                if (rate > 0)
                    debt += TimeSpan.FromMilliseconds((double)size / rate);
                var started = stub.Time.GetTimestamp();
                if (!await stub.DelayAsync(rate == 0 ? Timeout.InfiniteTimeSpan : debt).ConfigureAwait(false))
                {
                    await stub.WriteAsync(read.Chunk with { Data = pending }).ConfigureAwait(false);
                    return;
                }
                debt -= stub.Time.GetElapsedTime(started);
                await stub.WriteAsync(read.Chunk with { Data = pending[..size] }).ConfigureAwait(false);
                pending = pending[size..];
            }
        }
    }
}
