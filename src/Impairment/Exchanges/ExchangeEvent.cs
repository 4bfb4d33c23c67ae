namespace Harness.Impairment.Exchanges;

/// <summary>What happened to one exchange on a watched proxy (see <see cref="ExchangeWatch"/>).</summary>
public enum ExchangeOutcome
{
    /// <summary>A client connected through the proxy.</summary>
    Connected,

    /// <summary>The client sent something and the first bytes of an answer reached it; the wait is the time between.</summary>
    Answered,

    /// <summary>The client closed the connection while what it sent was still unanswered: it gave up waiting (a timeout).</summary>
    Abandoned,
}

/// <summary>
/// One exchange seen at the client side of a proxy: <see cref="Wait"/> runs from the first byte the client sent after
/// its last answer to the first byte of the next answer delivered to it (answered) or to its close (abandoned); it
/// includes every toxic on the way, so across a 75 ms link an answer takes at least 75 ms.
/// </summary>
public sealed record ExchangeEvent(string Proxy, DateTimeOffset Time, ExchangeOutcome Outcome, TimeSpan Wait);
