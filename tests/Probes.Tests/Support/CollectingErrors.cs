using System.Collections.Concurrent;
using Harness.Probes.Abstractions;

namespace Probes.Tests.Support;

/// <summary>Keeps every failed exchange a probe reports.</summary>
internal sealed class CollectingErrors : IErrorSink
{
    private readonly ConcurrentQueue<ProbeError> _errors = new();

    public void Add(in ProbeError error) => _errors.Enqueue(error);

    public IReadOnlyList<ProbeError> All => [.. _errors];
}
