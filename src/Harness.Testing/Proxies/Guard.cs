using Harness.Orchestration;
using Harness.Toxiproxy.Client;

namespace Harness.Testing;

/// <summary>Turns the server's refusals into <see cref="ImpairmentException"/>, whose message says what was refused.</summary>
internal static class Guard
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string? what = null)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (InfrastructureException e)
        {
            throw new ImpairmentException(e.Message, e);
        }
        catch (Exception e) when (e is ToxiproxyApiException or HttpRequestException)
        {
            throw new ImpairmentException(what is null ? e.Message : $"cannot {what}: {e.Message}", e);
        }
    }

    public static Task RunAsync(Func<Task> call, string? what = null) =>
        RunAsync(
            async () =>
            {
                await call().ConfigureAwait(false);
                return true;
            },
            what
        );
}
