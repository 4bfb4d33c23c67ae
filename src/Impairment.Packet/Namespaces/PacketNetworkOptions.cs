using Harness.Impairment.Packet.Pipeline;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>How to build one run's packet network.</summary>
public sealed record PacketNetworkOptions
{
    /// <summary>Seeds the two directions' random sources (the same seed gives the same packet decisions).</summary>
    public int Seed { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The link's MTU (both devices).</summary>
    public int Mtu { get; init; } = PacketDefaults.LinkMtu;

    /// <summary>Where owner files live (one per run, naming its pid), read by the next runs' sweep.</summary>
    public string StateDirectory { get; init; } = "/run/harness-packet";

    /// <summary>
    /// Also build a client namespace (<c>hp-ID-c</c>) joined to the server namespace by a link of its own, impaired like
    /// the harness's: for a browser that has a network of its own. Defaults to false.
    /// </summary>
    public bool ClientNamespace { get; init; }

    /// <summary>
    /// How many links join the harness's namespace to the server namespace (1 by default, at most <see cref="MaxLinks"/>): each
    /// has its own TUN pair, its own /30 of 198.18.0.0/15, its own pipelines (own random draws) and counters.
    /// </summary>
    public int Links { get; init; } = 1;

    /// <summary>The most links one run may have (device names stay within the kernel's 15 characters).</summary>
    public const int MaxLinks = 64;

    /// <summary>Why packet mode cannot work here (null: it can); replaceable so tests can play an unprivileged user.</summary>
    public Func<string?> CheckPrivileges { get; init; } = PacketPrivileges.WhyUnavailable;
}
