using Harness.Probes.Abstractions;

namespace Harness.Probes.Bench.Compare;

/// <summary>N WebSocket clients of one implementation, all in room 1, counting what each received.</summary>
internal interface ICrowd : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Clients whose handshake succeeded.</summary>
    long Connected { get; }

    /// <summary>Frames each client received so far.</summary>
    long[] Counts();

    /// <summary>Stopwatch timestamp of the last frame any client received.</summary>
    long LastReceived { get; }

    /// <summary>Receive time minus the frame's <c>ts</c>, in ms, over every frame so far.</summary>
    LogLinearHistogram Delays();

    /// <summary>Frames missing, duplicated or out of order by their <c>seq</c>, and disconnects, over all clients.</summary>
    (long Lost, long Duplicated, long Reordered, long Disconnects) Errors();

    Task StartAsync(Uri room, int clients, TimeSpan ramp, CancellationToken stop);
}
