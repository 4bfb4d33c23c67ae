using System.Diagnostics;
using Harness.Probes.Abstractions;
using Harness.Probes.Bench.Infra;

namespace Harness.Probes.Bench;

/// <summary>
/// Per-client received counts taken between two room ticks, when every frame of the last tick has arrived:
/// the room's LastSeq is the same before and after, and no frame arrived for a quiet period after it was read.
/// Two such snapshots bracket a window in which every client must have received exactly LastSeq2 - LastSeq1 frames.
/// </summary>
internal sealed record QuiescentSnapshot(long LastSeq, IReadOnlyDictionary<string, long[]> Counts)
{
    public static async Task<QuiescentSnapshot> TakeAsync(
        LiveRoomProcess room,
        BenchSink sink,
        IReadOnlyList<string> probes,
        TimeSpan quiet
    )
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var (_, before) = await room.RoomAsync("1").ConfigureAwait(false);
            var readAt = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(Math.Max(readAt, sink.LastTimestamp(MetricNames.WsMsgsReceived))) < quiet)
                await Task.Delay(2).ConfigureAwait(false);
            var counts = probes.ToDictionary(p => p, sink.ClientCounts, StringComparer.Ordinal);
            var (_, after) = await room.RoomAsync("1").ConfigureAwait(false);
            var again = probes.Sum(p => sink.ClientCounts(p).Sum());
            if (before == after && again == counts.Values.Sum(c => c.Sum()))
                return new(before, counts);
        }
        Console.WriteLine("  no quiet moment between ticks after 200 attempts");
        throw new InvalidOperationException(
            "no quiet moment between ticks: frames are still arriving when the next tick starts (lower --fps)"
        );
    }
}
