using Harness.Toxiproxy.Client;

namespace Harness.Testing;

/// <summary>A toxic on a proxy: change its attributes while traffic flows, or dispose it to remove it.</summary>
public sealed class ToxicHandle : IAsyncDisposable
{
    private readonly IToxiproxyClient _client;

    internal ToxicHandle(IToxiproxyClient client, string proxy, ToxicInfo info)
    {
        _client = client;
        Proxy = proxy;
        Info = info;
    }

    /// <summary>The proxy it is on.</summary>
    public string Proxy { get; }

    /// <summary>The toxic as the server reported it when it was added (or last updated here).</summary>
    public ToxicInfo Info { get; private set; }

    /// <summary>Its name on the proxy.</summary>
    public string Name => Info.Name;

    /// <summary>Sets one attribute (wire units: milliseconds, KB/s, bytes) on the live toxic, e.g. <c>("latency", 500)</c>.</summary>
    public async Task UpdateAsync(string attribute, long value, CancellationToken cancellationToken = default)
    {
        var update = new ToxicUpdate(new Dictionary<string, long>(StringComparer.Ordinal) { [attribute] = value });
        Info = await Guard
            .RunAsync(
                () => _client.UpdateToxicAsync(Proxy, Name, update, cancellationToken),
                $"update {attribute} of toxic '{Name}' on proxy '{Proxy}'"
            )
            .ConfigureAwait(false);
    }

    /// <summary>Removes the toxic (nothing happens when it, or its proxy, is already gone).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.DeleteToxicAsync(Proxy, Name).ConfigureAwait(false);
        }
        catch (ToxiproxyApiException e) when (e.StatusCode == 404) { }
    }
}
