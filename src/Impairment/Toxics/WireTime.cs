namespace Harness.Impairment.Toxics;

/// <summary>
/// Wire integers to durations. Negative values act like 0 (Toxiproxy accepts them and does nothing); huge values
/// are capped at <see cref="Longest"/>, below what timers accept, so an absurd attribute waits "forever" instead
/// of throwing inside a link.
/// </summary>
internal static class WireTime
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(24);

    public static TimeSpan Milliseconds(long value) =>
        value <= 0 ? TimeSpan.Zero
        : value >= Longest.TotalMilliseconds ? Longest
        : TimeSpan.FromMilliseconds(value);

    public static TimeSpan Microseconds(long value) =>
        value <= 0 ? TimeSpan.Zero
        : value / 1000 >= Longest.TotalMilliseconds ? Longest
        : TimeSpan.FromMicroseconds(value);
}
