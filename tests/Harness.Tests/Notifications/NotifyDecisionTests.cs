using Harness.Notifications;
using Harness.Reports.Model;

namespace Harness.Tests.Notifications;

public sealed class NotifyDecisionTests
{
    [TestCase(RunStatus.Failed, null, NotifyReason.Failed)]
    [TestCase(RunStatus.Failed, "passed", NotifyReason.Failed)]
    [TestCase(RunStatus.Inconclusive, "passed", NotifyReason.Failed)]
    [TestCase(RunStatus.Error, null, NotifyReason.Failed)]
    [TestCase(RunStatus.Failed, "failed", NotifyReason.StillFailing)]
    [TestCase(RunStatus.Failed, "inconclusive", NotifyReason.StillFailing)]
    [TestCase(RunStatus.Passed, null, NotifyReason.None)]
    [TestCase(RunStatus.Passed, "passed", NotifyReason.None)]
    [TestCase(RunStatus.Passed, "interrupted", NotifyReason.None)]
    [TestCase(RunStatus.Passed, "failed", NotifyReason.Recovered)]
    [TestCase(RunStatus.Passed, "error", NotifyReason.Recovered)]
    [TestCase(RunStatus.Interrupted, "failed", NotifyReason.None)]
    public void For_StatusAndPrevious(RunStatus status, string? previous, NotifyReason reason) =>
        Assert.That(NotifyDecision.For(status, previous), Is.EqualTo(reason));
}
