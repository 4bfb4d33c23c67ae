namespace Harness.Probes.Load;

/// <summary>
/// What one iteration does (one HTTP request, one WebSocket session). Implementations emit their own
/// http_*/ws_* samples through the writer they were built with and are safe to run on many VUs at once.
/// </summary>
internal interface ILoadIteration : IAsyncDisposable
{
    /// <summary>Runs one iteration on VU <paramref name="vu"/>.</summary>
    /// <returns>Whether it succeeded, or null when <paramref name="cancellationToken"/> cut it short (not a measurement).</returns>
    Task<bool?> RunAsync(int vu, CancellationToken cancellationToken);
}
