using System.Collections.Concurrent;
using System.Globalization;

namespace LiveRoom.Incidents.Events;

/// <summary>Scheduled events of this instance, by id (<c>ev1</c>, <c>ev2</c>, ...); bounded, so no client grows it without end.</summary>
internal sealed class EventStore
{
    public const int MaxEvents = 10_000;

    private readonly ConcurrentDictionary<string, EventSettings> _events = new(StringComparer.Ordinal);
    private int _next;

    /// <returns>The new event's id, or null when the store is full.</returns>
    public string? Add(EventSettings settings)
    {
        if (_events.Count >= MaxEvents)
            return null;
        var id = "ev" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        _events[id] = settings;
        return id;
    }

    public EventSettings? Find(string id) => _events.GetValueOrDefault(id);
}
