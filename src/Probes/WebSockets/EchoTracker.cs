using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Harness.Probes.Abstractions;
using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>
/// Makes unique request payloads and matches replies to them, so a reply is timed against its own send even
/// when replies are lost or come back out of order. Echo mode matches by whole content; correlation mode
/// (<see cref="WebSocketEchoOptions.CorrelationField"/>) by the id at a JSON path. Thread-safe: sends and
/// receives run concurrently.
/// </summary>
internal sealed class EchoTracker
{
    private static readonly byte[] Prefix = "echo:"u8.ToArray();
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Sent, SampleTags Tags)> _pending = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _client;
    private readonly int _payloadBytes;
    private readonly JsonPath? _correlation;
    private readonly CorrelatedPayload? _template;
    private long _counter;

    public EchoTracker(int client, int payloadBytes)
        : this(client, new WebSocketEchoOptions { PayloadBytes = payloadBytes }) { }

    public EchoTracker(int client, WebSocketEchoOptions options)
    {
        (_client, _payloadBytes) = (client, options.PayloadBytes);
        if (options.CorrelationField is { } field)
            (_correlation, _template) = (new JsonPath(field), new CorrelatedPayload(options.Template, field));
    }

    /// <summary>A new payload, remembered with the timestamp and tags (phase) of its send.</summary>
    public byte[] Next(long sentTimestamp, SampleTags tags)
    {
        var n = Interlocked.Increment(ref _counter);
        string key;
        byte[] payload;
        if (_template is not null)
        {
            key = string.Create(CultureInfo.InvariantCulture, $"{_client}-{n}");
            payload = _template.Build(key);
        }
        else
        {
            key = string.Create(CultureInfo.InvariantCulture, $"echo:{_client}:{n}:");
            if (key.Length < _payloadBytes)
                key = key.PadRight(_payloadBytes, '.');
            payload = Encoding.UTF8.GetBytes(key);
        }
        lock (_gate)
        {
            _pending[key] = (sentTimestamp, tags);
            _order.Enqueue(key);
            while (_order.Count > WebSocketProbeDefaults.MaxPendingEchoes)
                _pending.Remove(_order.Dequeue());
        }
        return payload;
    }

    /// <summary>True when the message answers one of our pending requests; gives the timestamp and tags of its send.</summary>
    public bool TryComplete(ReadOnlySpan<byte> message, out long sentTimestamp, [NotNullWhen(true)] out SampleTags? tags)
    {
        (sentTimestamp, tags) = (0, null);
        string? key;
        if (_correlation is not null)
        {
            if (!_correlation.TryReadText(message, out key))
                return false;
        }
        else
        {
            if (!message.StartsWith(Prefix))
                return false;
            key = Encoding.UTF8.GetString(message);
        }
        lock (_gate)
        {
            if (key is null || !_pending.Remove(key, out var pending))
                return false;
            (sentTimestamp, tags) = pending;
            return true;
        }
    }
}
