using System.Net;

namespace Harness.Impairment.Model;

/// <summary>
/// One named proxy, TCP or UDP, as the engine drives it: lifecycle, addresses, state and toxics. The engine keeps
/// one table of these and never asks which protocol it holds; each protocol applies the same API rules (spec 4.6).
/// Callers serialise calls (the engine's lock); traffic runs on the proxy's own tasks.
/// </summary>
internal interface IProxy
{
    string Name { get; }

    ProxyProtocol Protocol { get; }

    string Listen { get; }

    string Upstream { get; }

    bool Enabled { get; }

    /// <summary>Binds and starts forwarding; null when running (or already running), else the bind error.</summary>
    ImpairmentError? Start();

    /// <summary>Null when the address can be bound now; else the error a start there would give. Binds nothing.</summary>
    ImpairmentError? ProbeBind(IPEndPoint endPoint);

    void Stop();

    /// <summary>Stores new addresses; the caller stops the proxy first (changing them restarts it).</summary>
    void Reconfigure(string newListen, string newUpstream);

    ProxyState Snapshot();

    /// <summary>Per-connection toxic decisions (see <see cref="LinkDecision"/>); empty where decisions are per datagram.</summary>
    IReadOnlyList<LinkDecision> Decisions();

    /// <summary>The upstream chain, then the downstream chain, each in insertion order.</summary>
    IReadOnlyList<ToxicState> ListToxics();

    ToxicState? GetToxic(string name);

    /// <summary>Checks in the real server's order: stream, default name, type, name, conflict, then attributes.</summary>
    ToxicChange<ImpairmentResult<ToxicState>> AddToxic(ToxicSpec spec);

    ToxicChange<ImpairmentResult<ToxicState>> UpdateToxic(string name, ToxicPatch patch);

    /// <summary>Null result when removed, else why not.</summary>
    ToxicChange<ImpairmentError?> RemoveToxic(string name);

    /// <summary>Removes every toxic; the task (or null) completes once live links run the empty chains.</summary>
    Task? ClearToxics();

    /// <summary>Completes when the proxy's tasks have observed a stop.</summary>
    Task DrainAsync();
}
