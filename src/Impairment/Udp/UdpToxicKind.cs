using Harness.Impairment.Toxics;

namespace Harness.Impairment.Udp;

/// <summary>A toxic type a UDP proxy accepts: wire schema, input check (400) and factory.</summary>
internal sealed record UdpToxicKind(
    ToxicSchema Schema,
    Func<WireAttributes, IDatagramToxic> Create,
    Func<WireAttributes, string?>? Validate = null
)
{
    public string Type => Schema.Type;
}
