using System.Globalization;
using System.Net;
using Harness.Scenarios.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Testing;

/// <summary>
/// A proxy on an <see cref="ImpairedServer"/>: send traffic to <see cref="Endpoint"/> and it reaches the upstream
/// through whatever toxics, profile and events are applied. Disposing it deletes it from the server.
/// </summary>
public sealed class ImpairedProxy : IAsyncDisposable
{
    private readonly ImpairedServer _server;

    internal ImpairedProxy(ImpairedServer server, string name, string upstream, IPEndPoint endpoint)
    {
        _server = server;
        Name = name;
        Upstream = upstream;
        Endpoint = endpoint;
    }

    /// <summary>The name given in <see cref="ProxyOptions.Name"/>.</summary>
    public string Name { get; }

    /// <summary>Where it forwards to (<c>host:port</c>).</summary>
    public string Upstream { get; }

    /// <summary>The address it listens on.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>
    /// An address of the proxy: <c>http://127.0.0.1:PORT/</c> plus <paramref name="path"/>; pass <c>ws</c> for WebSockets.
    /// </summary>
    public Uri Url(string path = "/", string scheme = "http") =>
        new(string.Create(CultureInfo.InvariantCulture, $"{scheme}://{Endpoint.Address}:{Endpoint.Port}/{path.TrimStart('/')}"));

    /// <summary>Adds a toxic for as long as the returned handle is not disposed (or until the proxy goes).</summary>
    /// <exception cref="ArgumentException">The toxic's type or attributes are not in the catalogue.</exception>
    /// <exception cref="ImpairmentException">The server refused it (e.g. a toxic of that name is already there).</exception>
    public async Task<ToxicHandle> AddToxicAsync(Toxic toxic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toxic);
        var spec = toxic.ToSpec(Name);
        var stream = spec.Stream == ToxicDirection.Upstream ? ToxicStream.Upstream : ToxicStream.Downstream;
        var info = await Guard
            .RunAsync(
                () =>
                    _server.Client.AddToxicAsync(
                        Name,
                        new ToxicDefinition(spec.Type, stream, spec.Attributes, spec.Name, spec.Toxicity),
                        cancellationToken
                    ),
                $"add toxic '{spec.Name}' to proxy '{Name}'"
            )
            .ConfigureAwait(false);
        _server.Log($"proxy {Name}: toxic {info.Name} ({info.Type} {stream.ToString().ToLowerInvariant()})");
        return new ToxicHandle(_server.Client, Name, info);
    }

    /// <summary>
    /// Applies a named profile (<c>slow-3g</c>, <c>jittery-mobile</c>, ...: the files of the <c>profiles/</c> folder, see
    /// <see cref="ImpairedServerOptions.ProfilesDirectory"/>) as toxics: half the round trip each way, bandwidth, loss.
    /// </summary>
    /// <exception cref="ArgumentException">No such profile; the message lists the known ones.</exception>
    public Task<ProfileHandle> ApplyProfileAsync(string profile, CancellationToken cancellationToken = default) =>
        ApplyProfileAsync(ProfileLookup.Find(profile, _server.Options.ProfilesDirectory), cancellationToken);

    internal async Task<ProfileHandle> ApplyProfileAsync(NetworkProfile profile, CancellationToken cancellationToken)
    {
        var handles = new List<ToxicHandle>();
        foreach (var spec in profile.ToToxics(Name))
        {
            var toxic = new Toxic(spec.Type, spec.Attributes)
            {
                Direction = spec.Stream,
                Name = spec.Name,
                Toxicity = spec.Toxicity,
            };
            handles.Add(await AddToxicAsync(toxic, cancellationToken).ConfigureAwait(false));
        }
        _server.Log($"proxy {Name}: profile {profile.Name}");
        return new ProfileHandle(profile, handles);
    }

    /// <summary>
    /// Takes the proxy down: open connections are closed, new ones refused (a partition), until <see cref="EnableAsync"/>.
    /// </summary>
    public Task DisableAsync(CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _server.Session.SetEnabledAsync(Name, false, cancellationToken));

    /// <summary>Brings the proxy back up after <see cref="DisableAsync"/>.</summary>
    public Task EnableAsync(CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _server.Session.SetEnabledAsync(Name, true, cancellationToken));

    /// <summary>A partition of <paramref name="duration"/>: down, then up again (also when cancelled).</summary>
    public async Task PartitionAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await DisableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(duration, _server.Time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await EnableAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Drops every open connection at once (a load-balancer change); new connections are accepted right after.</summary>
    public Task ResetConnectionsAsync(CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _server.Session.ResetConnectionsAsync(Name, cancellationToken));

    /// <summary>
    /// Flaps the proxy (down for <see cref="FlapOptions.Down"/> in every <see cref="FlapOptions.Period"/>) for <see
    /// cref="FlapOptions.Duration"/>, as a scenario's <c>flap</c> event does.
    /// </summary>
    public async Task<TimelineResult> FlapAsync(FlapOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var timeline = new Timeline().Phase($"flap-{Name}", options.Duration, p => p.Flap(Name, options.Period, options.Down));
        return await _server.RunTimelineAsync(timeline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The proxy's toxics as the server reports them now.</summary>
    public async Task<IReadOnlyList<ToxicInfo>> GetToxicsAsync(CancellationToken cancellationToken = default) =>
        await Guard.RunAsync(() => _server.Client.GetToxicsAsync(Name, cancellationToken)).ConfigureAwait(false);

    /// <summary>Removes every toxic of the proxy (a profile's too).</summary>
    public async Task RemoveToxicsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var toxic in await GetToxicsAsync(cancellationToken).ConfigureAwait(false))
        {
            await Guard.RunAsync(() => _server.Client.DeleteToxicAsync(Name, toxic.Name, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the proxy from the server (its connections close).</summary>
    public async ValueTask DisposeAsync()
    {
        _server.Forget(Name);
        try
        {
            await _server.Client.DeleteProxyAsync(Name).ConfigureAwait(false);
        }
        catch (ToxiproxyApiException e) when (e.StatusCode == 404) { }
    }
}
