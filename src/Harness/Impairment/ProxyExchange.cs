namespace Harness.Impairment;

/// <summary>What the embedded server saw happen on a watched proxy, in the harness's own terms.</summary>
internal enum ProxyExchangeKind
{
    Connected,
    Answered,
    Abandoned,
}

/// <summary>One exchange on a watched proxy: a connection, an answer after <see cref="Wait"/>, or a caller giving up after it.</summary>
internal sealed record ProxyExchange(DateTimeOffset Time, ProxyExchangeKind Kind, TimeSpan Wait);
