using System.Globalization;
using Harness.Reports.Model;

namespace Harness.Reports;

/// <summary>Packet mode's configured and achieved figures as short text, shared by the HTML and Markdown reports.</summary>
internal static class PacketLinkText
{
    public static string Configured(PacketConfigured c)
    {
        if (c.Down)
            return "down (partition: every packet dropped)";
        var parts = new List<string>();
        if (c.DelayMs > 0 || c.JitterMs > 0)
            parts.Add(F($"delay {c.DelayMs:0.##} ms ± {c.JitterMs:0.##} ms{(c.Reorder ? " (may reorder)" : "")}"));
        if (c.Bursts is not null)
            parts.Add(c.Bursts);
        else if (c.LossPercent > 0)
            parts.Add(F($"loss {c.LossPercent:0.###} %"));
        if (c.DuplicatePercent > 0)
            parts.Add(F($"duplicate {c.DuplicatePercent:0.##} %"));
        if (c.CorruptPercent > 0)
            parts.Add(F($"corrupt {c.CorruptPercent:0.##} %"));
        if (c.RateBytesPerSecond is { } rate)
            parts.Add(F($"rate {rate / 1000.0:0.#} KB/s, queue {c.QueueLimit}"));
        if (c.Mtu is { } mtu)
            parts.Add(F($"mtu {mtu}"));
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    public static string Achieved(PacketAchieved a)
    {
        var parts = new List<string>
        {
            F($"{a.Packets} packets"),
            F($"lost {a.Dropped} ({a.LossPercent:0.##} %)"),
            F($"held {a.MeanAddedDelayMs:0.##} ms mean"),
        };
        if (a.DroppedQueue > 0)
            parts.Add(F($"queue drops {a.DroppedQueue}"));
        if (a.DroppedMtu > 0)
            parts.Add(F($"mtu drops {a.DroppedMtu}"));
        if (a.Duplicated > 0)
            parts.Add(F($"duplicated {a.Duplicated}"));
        if (a.Corrupted > 0)
            parts.Add(F($"corrupted {a.Corrupted}"));
        if (a.Reordered > 0)
            parts.Add(F($"reordered {a.Reordered}"));
        if (a.ResetsForged > 0)
            parts.Add(F($"resets forged {a.ResetsForged}"));
        if (a.MaxQueueDepth > 0)
            parts.Add(F($"queue depth ≤ {a.MaxQueueDepth}"));
        return string.Join(", ", parts);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
