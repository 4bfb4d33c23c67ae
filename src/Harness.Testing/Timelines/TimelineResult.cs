using Harness.Reports.Model;

namespace Harness.Testing;

/// <summary>What <see cref="ImpairedServer.RunTimelineAsync"/> did: when each phase ran and which events fired when.</summary>
/// <param name="Phases">Each phase with its start, end and toxics, in order.</param>
/// <param name="Events">Each event as it fired.</param>
public sealed record TimelineResult(IReadOnlyList<PhaseResult> Phases, IReadOnlyList<EventResult> Events);
