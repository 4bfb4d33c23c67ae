using System.Globalization;

namespace Harness.Cli.Live;

/// <summary>Numbers as the live view and status line show them: invariant culture, a dash for "no samples".</summary>
internal static class Figures
{
    public const string None = "-";

    public static string Ms(double? value) =>
        value switch
        {
            null => None,
            < 10 => value.Value.ToString("0.##", CultureInfo.InvariantCulture),
            < 100 => value.Value.ToString("0.#", CultureInfo.InvariantCulture),
            _ => value.Value.ToString("0", CultureInfo.InvariantCulture),
        };

    public static string Percent(double? share) =>
        share is null ? None : (share.Value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A threshold's observed value in its metric's base unit (ms, 0..1 share, count), as the result lines print it.</summary>
    public static string Observed(double? value) => value is null ? None : value.Value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A threshold's observed value with its unit when the monitor knows it.</summary>
    public static string Observed(Orchestration.Monitoring.ThresholdSnapshot t) => t.ObservedText ?? Observed(t.Observed);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>2/5 clients</c>, or <c>10 VUs</c> when nothing was planned.</summary>
    public static string Clients(Orchestration.Monitoring.ClientCount? clients) =>
        clients switch
        {
            null => None,
            { Planned: { } planned } => $"{Count(clients.Active)}/{Count(planned)} {clients.Unit}",
            _ => $"{Count(clients.Active)} {clients.Unit}",
        };
}
