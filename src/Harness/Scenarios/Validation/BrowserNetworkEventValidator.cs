using Harness.Probes.Browser;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>
/// Checks a <c>browser_network</c> event: the browser probe and participant it names exist, and its conditions
/// (a named profile and/or latency, download, upload, offline; or reset) are ones CDP can emulate.
/// </summary>
internal static class BrowserNetworkEventValidator
{
    private static readonly string[] ConditionKeys = ["profile", "latency", "download", "upload", "offline"];

    public static BrowserNetworkAction? Validate(
        EventDocument e,
        IReadOnlyList<ValidatedProbe> probes,
        ProfileResolver? profiles,
        ValueReader values
    )
    {
        var settings = e.Settings;
        var targets = Targets(e, probes, values);
        if (targets is null)
            return null;
        var participant = settings.GetValueOrDefault("participant");
        if (participant is not null)
        {
            var known = targets.SelectMany(b => ProbeTagCatalog.Values(b, "participant")!.Keys).Distinct(StringComparer.Ordinal).ToList();
            if (!known.Contains(participant.Value, StringComparer.Ordinal))
            {
                values.Diagnostics.Add(
                    participant.Location,
                    $"browser_network event: no browser participant '{participant.Value}'{DidYouMean.Suffix(participant.Value, known)}; participants are {string.Join(", ", known)}"
                );
                return null;
            }
        }
        var reset = settings.GetValueOrDefault("reset");
        if (reset is not null && reset.Value is not ("true" or "false"))
        {
            values.Diagnostics.Add(reset.Location, "browser_network reset must be true or false");
            return null;
        }
        var given = ConditionKeys.Where(settings.ContainsKey).ToList();
        if (reset?.Value == "true")
        {
            if (given.Count > 0)
                values.Diagnostics.Add(reset.Location, $"browser_network: reset takes no conditions, found {string.Join(", ", given)}");
            return new BrowserNetworkAction(settings.GetValueOrDefault("probe")?.Value, participant?.Value, null);
        }
        if (given.Count == 0)
        {
            values.Diagnostics.Add(
                e.Action.Location,
                "browser_network event: give a profile, latency, download, upload or offline, or reset: true"
            );
            return null;
        }
        var conditions = Conditions(settings, profiles, values);
        return conditions is null
            ? null
            : new BrowserNetworkAction(settings.GetValueOrDefault("probe")?.Value, participant?.Value, conditions)
            {
                Profile = settings.GetValueOrDefault("profile")?.Value,
            };
    }

    private static List<BrowserProbeSpec>? Targets(EventDocument e, IReadOnlyList<ValidatedProbe> probes, ValueReader values)
    {
        var browsers = probes.Select(p => p.Spec).OfType<BrowserProbeSpec>().ToList();
        var probe = e.Settings.GetValueOrDefault("probe");
        if (browsers.Count == 0)
        {
            values.Diagnostics.Add(
                probe?.Location ?? e.Action.Location,
                "browser_network event: the scenario has no browser probe whose network it could change"
            );
            return null;
        }
        if (probe is null)
            return browsers;
        if (browsers.FirstOrDefault(b => b.Name == probe.Value) is { } named)
            return [named];
        values.Diagnostics.Add(
            probe.Location,
            probes.Any(p => p.Spec.Name == probe.Value)
                ? $"browser_network event: probe '{probe.Value}' is not a browser probe; only a browser's network is emulated"
                : $"browser_network event: no browser probe named '{probe.Value}'{DidYouMean.Suffix(probe.Value, browsers.Select(b => b.Name))}"
        );
        return null;
    }

    private static NetworkConditions? Conditions(
        IReadOnlyDictionary<string, Located<string>> settings,
        ProfileResolver? profiles,
        ValueReader values
    )
    {
        var conditions = new NetworkConditions();
        var ok = true;
        if (settings.GetValueOrDefault("profile") is { } name)
        {
            var fromProfile = FromProfile(name, profiles, values);
            if (fromProfile is null)
                ok = false;
            else
                conditions = fromProfile;
        }
        if (settings.GetValueOrDefault("latency") is { } latency)
        {
            conditions = conditions with { Latency = values.Duration(latency, "browser_network latency", TimeSpan.Zero, allowZero: true) };
        }
        if (settings.GetValueOrDefault("download") is { } down)
            conditions = conditions with { DownloadBytesPerSecond = Rate(down, "download", values, ref ok) };
        if (settings.GetValueOrDefault("upload") is { } up)
            conditions = conditions with { UploadBytesPerSecond = Rate(up, "upload", values, ref ok) };
        if (settings.GetValueOrDefault("offline") is { } offline)
        {
            if (offline.Value is not ("true" or "false"))
            {
                values.Diagnostics.Add(offline.Location, "browser_network offline must be true or false");
                ok = false;
            }
            conditions = conditions with { Offline = offline.Value == "true" };
        }
        return ok ? conditions : null;
    }

    // CDP delays each request by one fixed latency and throttles each direction: a profile's round trip becomes
    // that latency; jitter and loss have no CDP equivalent, so a profile with them is refused rather than half-applied.
    private static NetworkConditions? FromProfile(Located<string> name, ProfileResolver? profiles, ValueReader values)
    {
        var profile = profiles?.Resolve(new ProfileReference(name.Location, name, new Dictionary<string, Located<string>>()));
        if (profile is null)
            return null;
        var unsupported = new List<string>();
        if (profile.Jitter is { } jitter && jitter > TimeSpan.Zero)
            unsupported.Add("jitter");
        if (profile.LossPercent is > 0)
            unsupported.Add("loss");
        if (unsupported.Count > 0)
        {
            values.Diagnostics.Add(
                name.Location,
                $"browser_network: profile '{profile.Name}' has {string.Join(" and ", unsupported)}, which CDP cannot emulate; route the participant through a proxy with this profile instead (participants[].proxy)"
            );
            return null;
        }
        var (down, up) = (profile.DownKilobytesPerSecond, profile.UpKilobytesPerSecond);
        if (down == 0 && up == 0)
            return new NetworkConditions { Offline = true };
        if (down == 0 || up == 0)
        {
            values.Diagnostics.Add(
                name.Location,
                $"browser_network: profile '{profile.Name}' stalls one direction only, which CDP cannot emulate (it can only go offline as a whole)"
            );
            return null;
        }
        return new NetworkConditions
        {
            Latency = profile.Rtt ?? TimeSpan.Zero,
            DownloadBytesPerSecond = down * 1000,
            UploadBytesPerSecond = up * 1000,
        };
    }

    private static long? Rate(Located<string> raw, string key, ValueReader values, ref bool ok)
    {
        var (kilobytes, error) = UnitParser.Parse(raw.Value, AttributeUnit.KilobytesPerSecond);
        if (error is null && kilobytes <= 0)
            error = "must be positive; use offline: true to cut the network";
        if (error is null)
            return kilobytes * 1000;
        values.Diagnostics.Add(raw.Location, $"browser_network {key}: {error}");
        ok = false;
        return null;
    }
}
