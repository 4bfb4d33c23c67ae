namespace Harness.Impairment.Toxics;

/// <summary>
/// A black-holed upstream: new connections are accepted but never dialled; what the client sends is read and
/// discarded, nothing comes back, and the connection stays open until the client gives up, the proxy stops, or the
/// toxic is removed (which closes the connections it held, since their bytes are gone). Connections already open
/// when the toxic is added are untouched; on a link it passes data through. No attributes.
/// </summary>
internal sealed class HangToxic : IToxic, IConnectionSetupToxic
{
    public static readonly HangToxic Instance = new();

    public static ToxicKind Kind { get; } = new(new ToxicSchema("hang", "HangToxic", []), _ => Instance);

    public ConnectionSetupAction OnConnectionAccepted(IConnectionControl connection) => ConnectionSetupAction.Hold;

    public Task PipeAsync(ToxicStub stub) => NoopToxic.PassThroughAsync(stub);
}
