namespace Harness.Impairment.Udp;

/// <summary><c>noop</c> on a UDP proxy: passes every datagram unchanged.</summary>
internal sealed class DatagramNoopToxic : IDatagramToxic
{
    public static readonly DatagramNoopToxic Instance = new();

    public object? CreateState() => null;

    public void Apply(DatagramFate fate, Random random, object? state) { }
}
