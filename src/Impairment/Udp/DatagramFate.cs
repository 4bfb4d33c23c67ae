namespace Harness.Impairment.Udp;

/// <summary>What the toxics decided for one datagram: dropped, or sent <see cref="Copies"/> times after <see cref="Delay"/>.</summary>
internal sealed class DatagramFate(int length, DateTimeOffset now)
{
    public int Length { get; } = length;

    public DateTimeOffset Now { get; } = now;

    public bool Dropped { get; set; }

    public int Copies { get; set; } = 1;

    public TimeSpan Delay { get; set; }
}
