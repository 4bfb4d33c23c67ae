using System.Globalization;
using System.Net;
using Harness.Scenarios.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Repro;

/// <summary>
/// One impaired proxy per origin (host:port) a repro's page uses, created on the Toxiproxy API the first time the
/// browser connects to that origin, with the current network conditions; <see cref="ApplyAsync"/> changes the
/// conditions of every proxy at once (and of those created later). Dispose removes every proxy it created.
/// </summary>
internal sealed class OriginProxies(IToxiproxyClient client, NetworkProfile conditions, Action<string> progress) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<Origin> _origins = [];

    /// <summary>The conditions every origin's proxy carries now.</summary>
    public NetworkProfile Conditions { get; private set; } = conditions;

    /// <summary>The origins seen so far, in the order the page first used them.</summary>
    public IReadOnlyList<Origin> Origins
    {
        get
        {
            lock (_origins)
                return [.. _origins];
        }
    }

    /// <summary>Where a connection to <paramref name="host"/>:<paramref name="port"/> must go: its own proxy, made on first use.</summary>
    public async Task<IPEndPoint> RouteAsync(string host, int port, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var known = Origins.FirstOrDefault(o => o.Port == port && string.Equals(o.Host, host, StringComparison.OrdinalIgnoreCase));
            if (known is not null)
                return known.Listen;
            var origin = await CreateAsync(host, port, cancellationToken).ConfigureAwait(false);
            lock (_origins)
                _origins.Add(origin);
            progress($"origin {origin.Address} -> proxy {origin.ProxyName} listening on {origin.Listen} ({Describe(Conditions)})");
            return origin.Listen;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives every origin's proxy, and those made later, <paramref name="next"/> instead of the current conditions.</summary>
    public async Task ApplyAsync(NetworkProfile next, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var origin in Origins)
            {
                foreach (var toxic in await client.GetToxicsAsync(origin.ProxyName, cancellationToken).ConfigureAwait(false))
                    await client.DeleteToxicAsync(origin.ProxyName, toxic.Name, cancellationToken).ConfigureAwait(false);
                await AddToxicsAsync(origin.ProxyName, next, cancellationToken).ConfigureAwait(false);
            }
            Conditions = next;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The conditions in words ("latency 300 ms, loss 2 %, bandwidth 500 KB/s down, 500 KB/s up"), or "no impairment".</summary>
    public static string Describe(NetworkProfile conditions)
    {
        var parts = new List<string>();
        var culture = CultureInfo.InvariantCulture;
        if (conditions.Rtt is { } rtt)
            parts.Add(string.Create(culture, $"latency {rtt.TotalMilliseconds:0.###} ms"));
        if (conditions.Jitter is { } jitter)
            parts.Add(string.Create(culture, $"jitter {jitter.TotalMilliseconds:0.###} ms"));
        if (conditions.LossPercent is > 0 and var loss)
            parts.Add(string.Create(culture, $"loss {loss:0.###} %"));
        if (conditions.DownKilobytesPerSecond is { } down)
            parts.Add(string.Create(culture, $"bandwidth {down} KB/s down"));
        if (conditions.UpKilobytesPerSecond is { } up)
            parts.Add(string.Create(culture, $"{up} KB/s up"));
        return parts.Count == 0 ? "no impairment" : string.Join(", ", parts);
    }

    private async Task<Origin> CreateAsync(string host, int port, CancellationToken cancellationToken)
    {
        var address = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        var safeHost = string.Concat(host.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        var name = string.Create(CultureInfo.InvariantCulture, $"repro-{safeHost}-{port}");
        try
        {
            var definition = new ProxyDefinition(name, address, "127.0.0.1:0");
            var created = await client.CreateProxyAsync(definition, cancellationToken).ConfigureAwait(false);
            await AddToxicsAsync(name, Conditions, cancellationToken).ConfigureAwait(false);
            return new Origin(host, port, address, name, IPEndPoint.Parse(created.Listen));
        }
        catch (Exception e) when (e is ToxiproxyApiException or HttpRequestException or FormatException)
        {
            throw new OriginUnavailableException($"origin {address}: cannot create its proxy on {client.BaseAddress}: {e.Message}", e);
        }
    }

    private async Task AddToxicsAsync(string proxy, NetworkProfile profile, CancellationToken cancellationToken)
    {
        foreach (var toxic in profile.ToToxics(proxy))
        {
            var stream = toxic.Stream == ToxicDirection.Upstream ? ToxicStream.Upstream : ToxicStream.Downstream;
            var definition = new ToxicDefinition(toxic.Type, stream, toxic.Attributes, toxic.Name, toxic.Toxicity);
            await client.AddToxicAsync(proxy, definition, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes every proxy created; never throws (the run's results matter more than a leftover on a private server).</summary>
    public async ValueTask DisposeAsync()
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var origin in Origins)
        {
            try
            {
                await client.DeleteProxyAsync(origin.ProxyName, bounded.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ToxiproxyApiException or HttpRequestException or OperationCanceledException)
            {
                progress($"cleanup: proxy {origin.ProxyName}: {e.Message}");
            }
        }
        _gate.Dispose();
    }
}

/// <summary>An origin the page used and the proxy that carries it.</summary>
/// <param name="Address">host:port as dialled (IPv6 hosts in brackets).</param>
internal sealed record Origin(string Host, int Port, string Address, string ProxyName, IPEndPoint Listen);

/// <summary>An origin's proxy could not be made: the browser's connection to it is refused and the reason printed.</summary>
internal sealed class OriginUnavailableException(string message, Exception inner) : Exception(message, inner);
