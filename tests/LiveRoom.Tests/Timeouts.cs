namespace LiveRoom.Tests;

/// <summary>Generous bounds for waits: they only stop a hung test, they are not performance assertions.</summary>
internal static class Timeouts
{
    public static CancellationTokenSource Bounded(int seconds = 15) => new(TimeSpan.FromSeconds(seconds));
}
