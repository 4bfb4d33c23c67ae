namespace Harness.Impairment.Exchanges;

/// <summary>
/// One connection's request/answer state, seen from its client: bytes from the client open a wait unless one is
/// open; bytes delivered to the client answer it; the client closing first with a wait open abandons it. Once the
/// upstream has ended, the client's close is only the end of the connection.
/// </summary>
internal sealed class ExchangeTracker(string proxy, TimeProvider time, Action<ExchangeEvent> listener)
{
    private readonly object _gate = new();
    private DateTimeOffset? _waitingSince;
    private bool _ended;

    public void ClientSent()
    {
        lock (_gate)
        {
            if (!_ended)
                _waitingSince ??= time.GetUtcNow();
        }
    }

    public void DeliveredToClient()
    {
        ExchangeEvent? answered = null;
        lock (_gate)
        {
            if (_waitingSince is { } since)
            {
                var now = time.GetUtcNow();
                answered = new ExchangeEvent(proxy, now, ExchangeOutcome.Answered, now - since);
                _waitingSince = null;
            }
        }
        if (answered is not null)
            listener(answered);
    }

    public void UpstreamEnded()
    {
        lock (_gate)
            _ended = true;
    }

    public void ClientEnded()
    {
        ExchangeEvent? abandoned = null;
        lock (_gate)
        {
            if (_ended)
                return;
            _ended = true;
            if (_waitingSince is { } since)
            {
                var now = time.GetUtcNow();
                abandoned = new ExchangeEvent(proxy, now, ExchangeOutcome.Abandoned, now - since);
            }
            // An answer still in flight reaches nobody.
            _waitingSince = null;
        }
        if (abandoned is not null)
            listener(abandoned);
    }
}
