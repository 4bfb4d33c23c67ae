using System.Globalization;
using Harness.Probes.Abstractions;

namespace Harness.Probes.Browser;

/// <summary>One running participant (a <see cref="BrowserParticipant"/> with Count 3 makes three), with everything resolved.</summary>
internal sealed record ParticipantPlan(
    string Name,
    Uri BaseUrl,
    IReadOnlyList<BrowserStep> Steps,
    HostRoutes Routes,
    LaunchPlan Launch,
    BrowserViewport Viewport,
    string? UserAgent,
    IReadOnlyDictionary<string, string> Tags
)
{
    public static IReadOnlyList<ParticipantPlan> Expand(BrowserProbeOptions options, HostRoutes contextRoutes)
    {
        var plans = new List<ParticipantPlan>();
        foreach (var p in options.Participants)
        {
            var routes = p.Routes ?? contextRoutes;
            var rules = options.Browser.WsEndpoint is null ? HostResolverRules.Build(routes, options.AllowHosts) : null;
            var settings = p.LaunchPrefix is { } prefix ? options.Browser with { LaunchPrefix = prefix } : options.Browser;
            var launch = new LaunchPlan(settings, rules);
            for (var i = 1; i <= p.Count; i++)
            {
                var name = NameOf(p, i);
                plans.Add(
                    new ParticipantPlan(
                        name,
                        p.BaseUrl ?? options.BaseUrl,
                        p.Steps ?? options.Steps,
                        routes,
                        launch,
                        p.Viewport ?? options.Browser.Viewport,
                        p.UserAgent,
                        TagsOf(p, name)
                    )
                );
            }
        }
        return plans;
    }

    /// <summary>The page name of copy <paramref name="copy"/> (1-based) of a participant: its own name when it has one copy.</summary>
    public static string NameOf(BrowserParticipant p, int copy) =>
        p.Count == 1 ? p.Name : string.Create(CultureInfo.InvariantCulture, $"{p.Name}-{copy}");

    private static Dictionary<string, string> TagsOf(BrowserParticipant p, string name)
    {
        var tags = new Dictionary<string, string>(p.Tags ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["participant"] = name,
        };
        if (p.Role is not null)
            tags["role"] = p.Role;
        if (p.ClientVersion is not null)
            tags["client_version"] = p.ClientVersion;
        return tags;
    }
}
