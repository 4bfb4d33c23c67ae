namespace Harness.Impairment.Toxics;

/// <summary>
/// Refuses new connections: at accept, before the upstream is dialled, the client connection is closed, with an
/// RST by default. The kernel has already completed the handshake (a user-space proxy cannot refuse a SYN), so the
/// client sees its connect succeed and then ECONNRESET (or EOF with <c>rst</c> 0). Connections already open when
/// the toxic is added are untouched; on a link it passes data through.
/// </summary>
internal sealed class RefuseToxic(RefuseAttributes attributes) : IToxic, IConnectionSetupToxic
{
    public static ToxicKind Kind { get; } =
        new(RefuseAttributes.Schema, wire => new RefuseToxic(RefuseAttributes.From(wire)), RefuseAttributes.Validate);

    public ConnectionSetupAction OnConnectionAccepted(IConnectionControl connection)
    {
        if (attributes.Reset)
            connection.SetLingerZero();
        connection.Close();
        return ConnectionSetupAction.Proceed;
    }

    public Task PipeAsync(ToxicStub stub) => NoopToxic.PassThroughAsync(stub);
}
