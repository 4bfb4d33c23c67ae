namespace Harness.Scenarios.Model;

/// <summary>
/// A server-to-server link (<c>regions.links</c>): service <see cref="From"/> reaches service <see cref="To"/> through the
/// link's proxy, which carries the round trip between their regions. <c>${link:To}</c> in <see cref="From"/>'s command
/// and environment expands to the proxy's <c>127.0.0.1:port</c>.
/// </summary>
public sealed record ServiceLink(string From, string To, string FromRegion, string ToRegion, TimeSpan Rtt);
