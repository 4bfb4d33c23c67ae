namespace Harness.Impairment.Toxics;

/// <summary>
/// One toxic's behaviour on one link. <see cref="PipeAsync"/> reads chunks from the stub, applies the effect and
/// writes them on; the contract every implementation keeps is in README.md next to this file.
/// </summary>
internal interface IToxic
{
    Task PipeAsync(ToxicStub stub);
}
