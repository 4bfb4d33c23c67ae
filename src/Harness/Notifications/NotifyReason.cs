using Harness.Reports.Model;

namespace Harness.Notifications;

/// <summary>Why a run is worth a message: it did not pass, or it passed again after a run that did not.</summary>
public enum NotifyReason
{
    None,

    /// <summary>Failed, inconclusive or unusable, after a run that passed (or none).</summary>
    Failed,

    /// <summary>Did not pass, and the previous run of it did not either.</summary>
    StillFailing,

    /// <summary>Passed after a run that did not.</summary>
    Recovered,
}

/// <summary>Decides from this run's status and the previous run's (from the history; null when there is none).</summary>
public static class NotifyDecision
{
    public static NotifyReason For(RunStatus status, string? previousStatus)
    {
        var previousFailed = previousStatus is not null && IsFailure(previousStatus);
        return status switch
        {
            RunStatus.Interrupted => NotifyReason.None,
            RunStatus.Passed => previousFailed ? NotifyReason.Recovered : NotifyReason.None,
            _ => previousFailed ? NotifyReason.StillFailing : NotifyReason.Failed,
        };
    }

    /// <summary>A history status ("failed", "inconclusive", "error") that did not pass; "interrupted" is no verdict.</summary>
    private static bool IsFailure(string status) => status is "failed" or "inconclusive" or "error";
}
