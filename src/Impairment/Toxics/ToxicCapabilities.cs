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

/// <summary>Must touch the connection when it is accepted while the toxic is in the chain (reset_peer: linger 0).</summary>
internal interface IConnectionSetupToxic
{
    void OnConnectionAccepted(IConnectionControl connection);
}
