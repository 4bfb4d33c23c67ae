namespace Harness.Impairment.Toxics;

// Optional capabilities, detected by type check so the common case (IToxic alone) stays a single method.

/// <summary>Wants a larger input queue so its holding time does not throttle the reader (latency).</summary>
internal interface IBufferedToxic
{
    int BufferSize { get; }
}

/// <summary>Keeps per-link state that survives updates of the toxic and restarts of the chain (limit_data).</summary>
internal interface IStatefulToxic
{
    object CreateState();
}

/// <summary>Must act when it is removed from a live link, e.g. timeout closes the connection it starved.</summary>
internal interface ICleanupToxic
{
    void Cleanup(IConnectionControl connection);
}

/// <summary>What a connection-phase toxic asks of a connection it applies to at accept time.</summary>
internal enum ConnectionSetupAction
{
    /// <summary>Dial the upstream and run the links as usual (unless the toxic closed the connection).</summary>
    Proceed,

    /// <summary>Never dial: discard what the client sends and keep the connection open until the toxic goes away.</summary>
    Hold,
}

/// <summary>
/// Acts when a connection is accepted while the toxic is in a chain, before the upstream is dialled: reset_peer
/// (linger 0), refuse, hang. Called only when the toxic applies to that connection, i.e. its toxicity draw for the
/// link it sits on says so (the same draw the link makes when it starts), which is why a toxicity-0 reset_peer
/// no longer turns every close into an RST (Toxiproxy issue #603).
/// </summary>
internal interface IConnectionSetupToxic
{
    ConnectionSetupAction OnConnectionAccepted(IConnectionControl connection);
}
