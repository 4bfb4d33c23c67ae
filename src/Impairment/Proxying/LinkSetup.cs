using System.Threading.Channels;
using Harness.Impairment.Decisions;
using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Proxying;

/// <summary>
/// Everything a link needs apart from sockets: the head (fed by the socket reader) and tail (drained by the socket
/// writer) outlive chain generations; the abort token ends the link without flushing.
/// </summary>
internal sealed record LinkSetup(
    Direction Direction,
    ChannelReader<StreamChunk> Head,
    ChannelWriter<StreamChunk> Tail,
    IConnectionControl Connection,
    TimeProvider Time,
    long Seed,
    ILogger Logger,
    CancellationToken Abort
)
{
    /// <summary>The connection's accept ordinal and its proxy's decision record (none in unit tests).</summary>
    public long ConnectionId { get; init; }

    public DecisionLog? Decisions { get; init; }

    /// <summary>The link's socket-to-socket path, told of every chain published (none in unit tests).</summary>
    public DirectPath? Direct { get; init; }

    // Small queues keep back-pressure close to the sockets; a latency toxic asks for its own larger one.
    public const int DefaultQueueCapacity = 4;

    public static Channel<StreamChunk> CreateQueue(int capacity) =>
        Channel.CreateBounded<StreamChunk>(
            new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            }
        );
}
