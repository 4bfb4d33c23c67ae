using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>How reports describe a server-to-server link and what crossed it.</summary>
internal static class LinkText
{
    public static string Route(LinkResult link) =>
        $"link {link.From} ({link.FromRegion}) -> {link.To} ({link.ToRegion}), round trip {ReportFormat.WithUnit(link.RttMs, "ms")}";

    /// <summary>What the link carried: connections, answers and the requests their callers gave up on.</summary>
    public static string Carried(LinkResult link)
    {
        if (!link.Observed)
            return "server-to-server link; its exchanges are counted only on the embedded server";
        var text =
            $"{N(link.Connections)} connections from {link.From}, {N(link.Answered)} answers"
            + (link.WaitMedianMs is { } wait ? $" (median wait {ReportFormat.WithUnit(wait, "ms")})" : "");
        if (link.Abandoned is not > 0)
            return text + ", no request abandoned";
        var after = link.AbandonedAfterMedianMs is { } ms ? $" after a median {ReportFormat.WithUnit(ms, "ms")}" : "";
        return text + $", {N(link.Abandoned)} requests abandoned by {link.From}{after} (it gave up before the answer came: a timeout)";
    }

    private static string N(long? value) => ReportFormat.Integer(value ?? 0);
}
