using System.Text;
using Harness.History;
using Harness.Reports.Model;

namespace Harness.Notifications;

/// <summary>Posts a run's message to a Slack-compatible webhook when <see cref="NotifyDecision"/> says it is worth one.</summary>
internal static class Notifier
{
    /// <summary>The status of the run of the same scenario and matrix cell recorded before <paramref name="results"/>, or null.</summary>
    public static string? PreviousStatus(RunResults results, string historyPath)
    {
        if (!File.Exists(historyPath))
            return null;
        var runs = new HistoryStore(historyPath).Runs(
            results.Scenario.Name,
            HistoryStore.DefaultLast,
            results.StartedAt,
            results.Scenario.Cell ?? ""
        );
        return runs.LastOrDefault(r => r.RunId != results.RunId)?.Status;
    }

    /// <returns>The reason the message was sent, or <see cref="NotifyReason.None"/> when nothing was sent.</returns>
    /// <exception cref="HttpRequestException">The webhook answered with a non-2xx status.</exception>
    public static async Task<NotifyReason> NotifyAsync(
        HttpClient http,
        Uri webhook,
        RunResults results,
        string? previousStatus,
        string reportPath,
        CancellationToken cancellationToken
    )
    {
        var reason = NotifyDecision.For(results.Status, previousStatus);
        if (reason == NotifyReason.None)
            return reason;
        using var content = new StringContent(
            SlackMessage.Render(results, reason, reportPath),
            new UTF8Encoding(false),
            "application/json"
        );
        using var response = await http.PostAsync(webhook, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
        return reason;
    }
}
