using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Reports;
using Harness.Reports.Model;

namespace Harness.Notifications;

/// <summary>
/// A Slack-compatible incoming-webhook message about a run: <c>text</c> (the one-line fallback every receiver shows) and
/// <c>blocks</c> (a header, the verdict with the reason it was sent, failing thresholds with observed values and limits,
/// the top error reasons per probe, the report path). Built from the redacted results; Slack's mrkdwn control
/// characters (&amp;, &lt;, &gt;) are escaped as Slack asks, and JSON encoding is left to the serializer.
/// </summary>
public static class SlackMessage
{
    /// <summary>How many failing thresholds and error lines are listed; the rest are counted.</summary>
    public const int MaxLines = 10;

    public static string Render(RunResults results, NotifyReason reason, string reportPath)
    {
        ArgumentNullException.ThrowIfNull(results);
        var name = results.Scenario.Cell is null ? results.Scenario.Name : $"{results.Scenario.Name} [{results.Scenario.Cell}]";
        var verdict = results.Status.ToString().ToUpperInvariant();
        var why = reason switch
        {
            NotifyReason.Recovered => "recovered: passed after a failed run",
            NotifyReason.StillFailing => "still failing",
            _ => "newly failing",
        };
        var text = $"harness: {name}: {verdict} (exit {results.ExitCode.ToString(CultureInfo.InvariantCulture)}, {why})";
        var blocks = new JsonArray
        {
            Block("header", new JsonObject { ["type"] = "plain_text", ["text"] = Clip($"{name}: {verdict}", 150) }),
            Section(
                $"*{Escape(verdict)}* (exit {results.ExitCode.ToString(CultureInfo.InvariantCulture)}, {why}) - scenario *{Escape(name)}*, seed {results.Scenario.Seed.ToString(CultureInfo.InvariantCulture)}"
            ),
        };
        var failing = results
            .Thresholds.Where(t => !t.Passed)
            .Select(t => $"• {t.Probe}: `{t.Expression}` - {ReportFormat.Outcome(t)}")
            .ToList();
        if (failing.Count > 0)
            blocks.Add(Section("*Failing thresholds*\n" + Lines(failing)));
        var errors = results.Errors.Select(e => $"• {e}").Concat(ErrorLines.For(results).Select(e => $"• {e.Probe}: {e.Line}")).ToList();
        if (errors.Count > 0)
            blocks.Add(Section("*Top error reasons*\n" + Lines(errors)));
        blocks.Add(Section($"Report: {Escape(reportPath)}"));
        var message = new JsonObject { ["text"] = text, ["blocks"] = blocks };
        return message.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>Slack's three control characters in mrkdwn text: &amp; &lt; &gt;.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    private static string Lines(List<string> lines)
    {
        var shown = lines.Take(MaxLines).Select(Escape).ToList();
        if (lines.Count > MaxLines)
            shown.Add($"... and {(lines.Count - MaxLines).ToString(CultureInfo.InvariantCulture)} more");
        // A section's text may hold at most 3000 characters.
        return Clip(string.Join("\n", shown), 2900);
    }

    private static JsonObject Section(string markdown) =>
        Block("section", new JsonObject { ["type"] = "mrkdwn", ["text"] = Clip(markdown, 2990) });

    private static JsonObject Block(string type, JsonObject text) => new() { ["type"] = type, ["text"] = text };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";
}
