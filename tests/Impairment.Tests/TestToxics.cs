using System.Threading.Channels;
using Harness.Impairment.Model;
using Harness.Impairment.Proxying;
using Harness.Impairment.Streams;
using Harness.Impairment.Toxics;

namespace Impairment.Tests;

internal sealed class FakeConnection : IConnectionControl
{
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Closes { get; private set; }

    public int LingerZeroCalls { get; private set; }

    public Task Closed => _closed.Task;

    public void Close()
    {
        Closes++;
        _closed.TrySetResult();
    }

    public void SetLingerZero() => LingerZeroCalls++;
}

/// <summary>Builders for toxic instances and a stub over in-memory channels.</summary>
internal static class TestToxics
{
    private static long _ids = 100;

    public static ToxicInstance Instance(
        ToxicKind kind,
        Direction direction,
        IReadOnlyDictionary<string, long>? attributes = null,
        string? name = null,
        float toxicity = 1f
    )
    {
        var wire = WireAttributes.Create(kind.Schema, attributes);
        var state = new ToxicState(
            name ?? $"{kind.Type}_{Interlocked.Increment(ref _ids)}",
            kind.Type,
            direction.ToWire(),
            direction,
            toxicity,
            wire.Values
        );
        return new ToxicInstance(Interlocked.Increment(ref _ids), 0, state, kind, kind.Create(wire));
    }

    public static ToxicInstance Latency(long latencyMs, long jitterMs = 0) =>
        Instance(LatencyToxic.Kind, Direction.Downstream, new Dictionary<string, long> { ["latency"] = latencyMs, ["jitter"] = jitterMs });

    public static (ToxicStub Stub, Channel<StreamChunk> Input, Channel<StreamChunk> Output, CancellationTokenSource Interrupt) Stub(
        TimeProvider time,
        int seed = 1,
        object? state = null,
        FakeConnection? connection = null
    )
    {
        var input = Channel.CreateUnbounded<StreamChunk>();
        var output = Channel.CreateUnbounded<StreamChunk>();
        var interrupt = new CancellationTokenSource();
        var context = new StubContext(time, new Random(seed), state, connection ?? new FakeConnection());
        var stub = new ToxicStub(context, input.Reader, output.Writer, new StubWiring([], true, interrupt.Token, CancellationToken.None));
        return (stub, input, output, interrupt);
    }

    public static StreamChunk Chunk(TimeProvider time, params byte[] data) => new(data, time.GetUtcNow());

    public static Dictionary<string, long> Attributes(params (string Name, long Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public static IToxic Create(ToxicKind kind, IReadOnlyDictionary<string, long>? attributes = null) =>
        kind.Create(WireAttributes.Create(kind.Schema, attributes));

    /// <summary>A stub for <paramref name="toxic"/>, with the per-link state it asks for.</summary>
    public static (ToxicStub Stub, Channel<StreamChunk> Input, Channel<StreamChunk> Output, CancellationTokenSource Interrupt) StubFor(
        IToxic toxic,
        TimeProvider time,
        int seed = 1,
        FakeConnection? connection = null
    ) => Stub(time, seed, (toxic as IStatefulToxic)?.CreateState(), connection);

    /// <summary>Everything written so far, without waiting.</summary>
    public static List<StreamChunk> Drain(ChannelReader<StreamChunk> reader)
    {
        var chunks = new List<StreamChunk>();
        while (reader.TryRead(out var chunk))
            chunks.Add(chunk);
        return chunks;
    }

    public static byte[] Bytes(IEnumerable<StreamChunk> chunks) => chunks.SelectMany(c => c.Data.ToArray()).ToArray();

    public static async Task<StreamChunk> ReadAsync(ChannelReader<StreamChunk> reader, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        return await reader.ReadAsync(cts.Token);
    }
}
