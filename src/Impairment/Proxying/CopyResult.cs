namespace Harness.Impairment.Proxying;

/// <summary>How a socket pump ended. Failures on the hot path are data, not exceptions.</summary>
internal enum CopyResult
{
    /// <summary>The source sent FIN (reader) or the chain ended the stream (writer).</summary>
    EndOfStream,

    /// <summary>The peer reset the connection.</summary>
    PeerReset,

    /// <summary>We closed the socket or cancelled the pump (proxy stopped, connection closed).</summary>
    Aborted,

    /// <summary>Any other socket or I/O error.</summary>
    Failed,
}
