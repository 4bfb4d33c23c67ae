using System.Collections.Concurrent;

namespace Harness.Impairment.Exchanges;

/// <summary>
/// Who listens to the exchanges of which proxy. Only watched proxies track their connections; a listener is called
/// on the proxy's I/O threads, so it must be quick and thread-safe.
/// </summary>
internal sealed class ExchangeWatch
{
    private readonly ConcurrentDictionary<string, Action<ExchangeEvent>> _listeners = new(StringComparer.Ordinal);

    public IDisposable Watch(string proxy, Action<ExchangeEvent> listener)
    {
        _listeners[proxy] = listener;
        return new Unwatch(() => _listeners.TryRemove(KeyValuePair.Create(proxy, listener)));
    }

    /// <summary>A tracker for a new connection of <paramref name="proxy"/>, or null when nobody watches it.</summary>
    public ExchangeTracker? Track(string proxy, TimeProvider time)
    {
        if (!_listeners.TryGetValue(proxy, out var listener))
            return null;
        var tracker = new ExchangeTracker(proxy, time, listener);
        listener(new ExchangeEvent(proxy, time.GetUtcNow(), ExchangeOutcome.Connected, TimeSpan.Zero));
        return tracker;
    }

    private sealed class Unwatch(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
