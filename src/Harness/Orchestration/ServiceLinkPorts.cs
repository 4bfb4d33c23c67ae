using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Harness.Scenarios.Model;

namespace Harness.Orchestration;

/// <summary>
/// Gives each server-to-server link a loopback port before any service starts, so a service's command can name its
/// link (<c>${link:SERVICE}</c> becomes <c>127.0.0.1:port</c>); the link's proxy listens there once the network is
/// built. A service that calls its link before then finds nothing listening, as with any peer not up yet.
/// </summary>
internal static class ServiceLinkPorts
{
    public static Scenario Assign(Scenario scenario) => Assign(scenario, FreePort);

    internal static Scenario Assign(Scenario scenario, Func<int> freePort)
    {
        var links = scenario.Network.Proxies.Where(p => p.Link is not null).ToList();
        if (links.Count == 0)
            return scenario;
        var listen = links.ToDictionary(
            l => l.Name,
            _ => "127.0.0.1:" + freePort().ToString(CultureInfo.InvariantCulture),
            StringComparer.Ordinal
        );
        var proxies = scenario.Network.Proxies.Select(p => listen.TryGetValue(p.Name, out var at) ? p with { Listen = at } : p).ToList();
        var services = scenario
            .Services.Select(s =>
            {
                var own = links
                    .Where(l => l.Link!.From == s.Name)
                    .ToDictionary(l => l.Link!.To, l => listen[l.Name], StringComparer.Ordinal);
                string Expand(string text) =>
                    Scenarios
                        .Validation.ServiceLinkValidator.Reference()
                        .Replace(text, m => own.TryGetValue(m.Groups["to"].Value, out var at) ? at : m.Value);
                return s with
                {
                    Command = s.Command.Select(Expand).ToList(),
                    Environment = s.Environment.ToDictionary(e => e.Key, e => Expand(e.Value), StringComparer.Ordinal),
                    ReadyUrl = s.ReadyUrl is null ? null : Expand(s.ReadyUrl),
                };
            })
            .ToList();
        return scenario with { Services = services, Network = scenario.Network with { Proxies = proxies } };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
