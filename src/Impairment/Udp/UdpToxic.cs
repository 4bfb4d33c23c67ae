namespace Harness.Impairment.Udp;

/// <summary>
/// A toxic placed on a UDP proxy. <see cref="Id"/> is stable for its life; <see cref="Version"/> changes on every
/// update, which resets its per-session state and re-draws toxicity.
/// </summary>
internal sealed record UdpToxic(long Id, long Version, ToxicState State, UdpToxicKind Kind, IDatagramToxic Toxic);
