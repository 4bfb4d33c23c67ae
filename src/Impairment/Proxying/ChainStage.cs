using Harness.Impairment.Toxics;

namespace Harness.Impairment.Proxying;

/// <summary>
/// A stage as one generation runs it. <see cref="Key"/> identifies the toxic across generations (0 = the hidden
/// head); <see cref="Toxic"/> is the no-op when this link's toxicity draw skipped the toxic.
/// </summary>
internal sealed record ChainStage(long Key, string Name, IToxic Toxic, StubContext Context);
