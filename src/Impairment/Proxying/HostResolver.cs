using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Harness.Impairment.Proxying;

/// <summary>
/// Host names resolved asynchronously and kept: a connection's dial uses the kept answer, so no connection (and no
/// lock) ever waits on DNS except the first one for a name nobody asked about yet. An answer older than
/// <see cref="Refresh"/> is still used while one background lookup refreshes it; a failed lookup is not kept.
/// IP literals and <c>localhost</c> never reach the lookup.
/// </summary>
internal sealed class HostResolver(Func<string, CancellationToken, Task<IPAddress[]>> lookup, TimeProvider time)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public HostResolver()
        : this(Dns.GetHostAddressesAsync, TimeProvider.System) { }

    /// <summary>Process-wide answers for listen addresses, filled by the engine's async calls before they lock.</summary>
    public static HostResolver Listen { get; } = new();

    /// <summary>The addresses of <paramref name="host"/>, IPv4 first; waits only when there is no answer yet.</summary>
    public async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken abort)
    {
        if (TryFixed(host, out var fixedAddresses))
            return fixedAddresses;
        var entry = _entries.GetOrAdd(host, _ => new Entry());
        var (kept, pending) = entry.Get(time, Refresh, () => LookupAsync(host));
        if (kept is not null)
            return kept;
        return await pending!.WaitAsync(abort).ConfigureAwait(false);
    }

    /// <summary>The kept answer for <paramref name="host"/> (stale or not), never waiting.</summary>
    public bool TryGetKept(string host, out IPAddress[] addresses)
    {
        if (TryFixed(host, out addresses))
            return true;
        if (_entries.TryGetValue(host, out var entry) && entry.Kept is { } kept)
        {
            addresses = kept;
            return true;
        }
        addresses = [];
        return false;
    }

    private async Task<IPAddress[]> LookupAsync(string host)
    {
        var addresses = await lookup(host, CancellationToken.None).ConfigureAwait(false);
        var ordered = addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).ToArray();
        _entries[host].Store(ordered, time);
        return ordered;
    }

    private static bool TryFixed(string host, out IPAddress[] addresses)
    {
        if (IPAddress.TryParse(host, out var literal))
            addresses = [literal];
        else if (host.Length == 0 || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            addresses = [IPAddress.Loopback, IPAddress.IPv6Loopback];
        else
            addresses = [];
        return addresses.Length > 0;
    }

    private sealed class Entry
    {
        private readonly object _gate = new();
        private Task<IPAddress[]>? _pending;
        private long _storedAt;

        public IPAddress[]? Kept { get; private set; }

        /// <summary>The kept answer (starting a refresh when stale), or the lookup to wait for when there is none.</summary>
        public (IPAddress[]? Kept, Task<IPAddress[]>? Pending) Get(TimeProvider time, TimeSpan refresh, Func<Task<IPAddress[]>> start)
        {
            lock (_gate)
            {
                var stale = Kept is null || time.GetElapsedTime(_storedAt) >= refresh;
                Task<IPAddress[]>? started = null;
                if (stale && _pending is null)
                {
                    started = start();
                    _pending = started;
                    started.ContinueWith(
                        _ => Done(started),
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default
                    );
                }
                return (Kept, Kept is null ? started ?? _pending : null);
            }
        }

        public void Store(IPAddress[] addresses, TimeProvider time)
        {
            lock (_gate)
            {
                Kept = addresses;
                _storedAt = time.GetTimestamp();
            }
        }

        private void Done(Task<IPAddress[]> lookup)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_pending, lookup))
                    _pending = null;
            }
        }
    }
}
