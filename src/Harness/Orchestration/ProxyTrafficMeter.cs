using System.Globalization;

namespace Harness.Orchestration;

/// <summary>
/// How many bytes each proxy carried in each phase, from the server's per-proxy counters on <c>/metrics</c>
/// (<c>toxiproxy_proxy_received_bytes_total</c>, both directions): read before the first phase and at the end of
/// every phase, the difference belongs to that phase. Unavailable (every figure null) when a read fails, e.g. a
/// server started without -proxy-metrics; a run never fails for it.
/// </summary>
internal sealed class ProxyTrafficMeter(
    Func<CancellationToken, Task<string>> readMetrics,
    IReadOnlyDictionary<string, string> proxyByServerName
)
{
    public const string ReceivedFamily = "toxiproxy_proxy_received_bytes_total";
    private static readonly TimeSpan ReadBound = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, Dictionary<string, long>> _perPhase = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, long>? _last;
    private bool _failed;

    /// <summary>Proxy name to bytes carried in <paramref name="phase"/> (a repeated phase adds up); null when unavailable.</summary>
    public IReadOnlyDictionary<string, long>? BytesIn(string phase) => _failed ? null : _perPhase.GetValueOrDefault(phase);

    /// <summary>Phase to bytes for one proxy, or null when the counters were unavailable.</summary>
    public IReadOnlyDictionary<string, long>? PhasesOf(string proxy) =>
        _failed || _perPhase.Count == 0
            ? null
            : _perPhase.ToDictionary(p => p.Key, p => p.Value.GetValueOrDefault(proxy), StringComparer.Ordinal);

    public async Task StartAsync() => _last = await ReadAsync().ConfigureAwait(false);

    public async Task PhaseEndedAsync(string phase)
    {
        var now = await ReadAsync().ConfigureAwait(false);
        if (_last is null || now is null)
            return;
        if (!_perPhase.TryGetValue(phase, out var bytes))
            _perPhase[phase] = bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var proxy in proxyByServerName.Values)
        {
            bytes[proxy] = bytes.GetValueOrDefault(proxy) + Math.Max(0, now.GetValueOrDefault(proxy) - _last.GetValueOrDefault(proxy));
        }
        _last = now;
    }

    private async Task<IReadOnlyDictionary<string, long>?> ReadAsync()
    {
        if (_failed)
            return null;
        try
        {
            using var bounded = new CancellationTokenSource(ReadBound);
            return Parse(await readMetrics(bounded.Token).ConfigureAwait(false), proxyByServerName);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _failed = true;
            return null;
        }
    }

    /// <summary>Sums the received-bytes counters per proxy (both directions) from Prometheus text, by scenario proxy name.</summary>
    public static IReadOnlyDictionary<string, long> Parse(string text, IReadOnlyDictionary<string, string> proxyByServerName)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(ReceivedFamily + "{", StringComparison.Ordinal))
                continue;
            var close = line.LastIndexOf('}');
            var server = Label(line[(ReceivedFamily.Length + 1)..close], "proxy");
            if (server is null || !proxyByServerName.TryGetValue(server, out var proxy))
                continue;
            if (!double.TryParse(line[(close + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                continue;
            result[proxy] = result.GetValueOrDefault(proxy) + (long)value;
        }
        return result;
    }

    private static string? Label(string labels, string name)
    {
        var start = labels.IndexOf(name + "=\"", StringComparison.Ordinal);
        while (start > 0 && labels[start - 1] != ',')
            start = labels.IndexOf(name + "=\"", start + 1, StringComparison.Ordinal);
        if (start < 0)
            return null;
        var from = start + name.Length + 2;
        var end = labels.IndexOf('"', from);
        return end < 0 ? null : labels[from..end];
    }
}
