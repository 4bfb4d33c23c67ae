using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// A browser participant's <c>namespace</c>: <c>harness</c> (the default, the harness's own network) or <c>client</c> (packet
/// mode's client namespace: a network of its own, reaching the services across its own impaired link).
/// </summary>
internal static class ParticipantNamespace
{
    public const string Harness = "harness";
    public const string Client = "client";

    /// <returns>True for <c>client</c>.</returns>
    public static bool Read(Located<string>? raw, NetworkSpec network, DiagnosticBag diagnostics)
    {
        if (raw is null || raw.Value == Harness)
            return false;
        if (raw.Value != Client)
        {
            diagnostics.Add(raw.Location, $"participant namespace '{raw.Value}' must be {Harness} (the default) or {Client}");
            return false;
        }
        if (network.Mode != NetworkMode.Packet)
        {
            diagnostics.Add(
                raw.Location,
                "participant namespace: client needs network.mode: packet (the client namespace is part of the packet link)"
            );
            return false;
        }
        if (network.Proxies.Count > 1)
        {
            diagnostics.Add(
                raw.Location,
                $"participant namespace: client works with one packet link (the client namespace's own link leads to that link's "
                    + $"service address); this run has {network.Proxies.Count} proxies"
            );
            return false;
        }
        return true;
    }
}
