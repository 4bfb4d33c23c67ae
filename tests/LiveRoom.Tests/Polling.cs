namespace LiveRoom.Tests;

/// <summary>Waits for a condition by polling, bounded by the caller's token; never a fixed sleep as a readiness guess.</summary>
internal static class Polling
{
    public static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        while (!await condition())
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
    }

    public static Task UntilAsync(Func<bool> condition, CancellationToken ct) => UntilAsync(() => Task.FromResult(condition()), ct);
}
