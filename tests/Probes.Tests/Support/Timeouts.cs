namespace Probes.Tests.Support;

/// <summary>Generous bounds for waits: they stop a hung test, they are not performance assertions.</summary>
internal static class Timeouts
{
    public static CancellationTokenSource Bounded(int seconds = 15) => new(TimeSpan.FromSeconds(seconds));
}
