using Harness.Scenarios.Model;

namespace Harness.Testing;

/// <summary>A named profile applied to a proxy as toxics; dispose it to remove them.</summary>
public sealed class ProfileHandle : IAsyncDisposable
{
    internal ProfileHandle(NetworkProfile profile, IReadOnlyList<ToxicHandle> toxics)
    {
        Profile = profile;
        Toxics = toxics;
    }

    /// <summary>The profile's figures (round trip, jitter, bandwidth, loss) and source.</summary>
    public NetworkProfile Profile { get; }

    /// <summary>The toxics it became.</summary>
    public IReadOnlyList<ToxicHandle> Toxics { get; }

    /// <summary>Removes the profile's toxics.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var toxic in Toxics)
            await toxic.DisposeAsync().ConfigureAwait(false);
    }
}
