using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

/// <summary>Checks a phase's events against its proxies, toxics and duration (browser_network events against the browser probes).</summary>
internal static class EventValidator
{
    public static PhaseEventSpec? Validate(
        EventDocument e,
        TimeSpan phaseDuration,
        IReadOnlyList<ToxicSpec> toxics,
        NetworkSpec network,
        ValueReader values,
        IReadOnlyList<ValidatedProbe>? probes = null,
        ProfileResolver? profiles = null
    )
    {
        var at = values.Duration(e.At, "event at", TimeSpan.Zero, allowZero: true);
        if (phaseDuration > TimeSpan.Zero && at >= phaseDuration)
        {
            values.Diagnostics.Add(
                e.At?.Location ?? e.Location,
                $"event at {e.At?.Value} falls outside its phase ({phaseDuration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s)"
            );
        }
        if (e.Action.Value == "browser_network")
        {
            return BrowserNetworkEventValidator.Validate(e, probes ?? [], profiles, values) is { } browser
                ? new PhaseEventSpec(at, browser)
                : null;
        }
        var proxy = e.Settings.GetValueOrDefault("proxy");
        if (proxy is null)
        {
            values.Diagnostics.Add(e.Action.Location, $"{e.Action.Value} event: missing required key 'proxy'");
            return null;
        }
        if (network.Proxies.All(p => p.Name != proxy.Value))
        {
            values.Diagnostics.Add(
                proxy.Location,
                $"{e.Action.Value} event: proxy '{proxy.Value}' is not declared under network.proxies{DidYouMean.Suffix(proxy.Value, network.Proxies.Select(p => p.Name))}"
            );
            return null;
        }
        PhaseEventAction? action = e.Action.Value switch
        {
            "reset_connections" => new ResetConnectionsAction(proxy.Value),
            "disable" => new SetProxyEnabledAction(proxy.Value, false),
            "enable" => new SetProxyEnabledAction(proxy.Value, true),
            "flap" => Flap(e, proxy.Value, values),
            _ => Ramp(e, proxy.Value, phaseDuration - at, toxics, values),
        };
        return action is null ? null : new PhaseEventSpec(at, action);
    }

    private static FlapAction? Flap(EventDocument e, string proxy, ValueReader values)
    {
        var period = values.Duration(e.Settings.GetValueOrDefault("period"), "flap period", TimeSpan.FromSeconds(2));
        var down = values.Duration(e.Settings.GetValueOrDefault("down"), "flap down", period / 2);
        if (down >= period)
        {
            values.Diagnostics.Add(
                e.Action.Location,
                "flap: 'down' must be shorter than 'period' (the proxy must come back up in each period)"
            );
            return null;
        }
        return new FlapAction(proxy, period, down);
    }

    private static RampAction? Ramp(EventDocument e, string proxy, TimeSpan left, IReadOnlyList<ToxicSpec> toxics, ValueReader values)
    {
        var toxicName = e.Settings.GetValueOrDefault("toxic");
        var attributeName = e.Settings.GetValueOrDefault("attribute");
        foreach (var key in new[] { "toxic", "attribute", "from", "to" }.Where(k => !e.Settings.ContainsKey(k)))
        {
            values.Diagnostics.Add(e.Action.Location, $"ramp event: missing required key '{key}'");
        }
        if (toxicName is null || attributeName is null || !e.Settings.ContainsKey("from") || !e.Settings.ContainsKey("to"))
            return null;
        var toxic = toxics.FirstOrDefault(t => t.Proxy == proxy && t.Name == toxicName.Value);
        if (toxic is null)
        {
            var known = toxics.Where(t => t.Proxy == proxy).Select(t => t.Name).ToList();
            values.Diagnostics.Add(
                toxicName.Location,
                $"ramp: this phase has no toxic '{toxicName.Value}' on proxy '{proxy}'{(known.Count > 0 ? $"; it has {string.Join(", ", known)}" : string.Empty)}"
            );
            return null;
        }
        var attribute = ToxicCatalog.All[toxic.Type].Attributes.FirstOrDefault(a => a.Name == attributeName.Value);
        if (attribute is null)
        {
            values.Diagnostics.Add(
                attributeName.Location,
                $"ramp: '{attributeName.Value}' is not an attribute of {toxic.Type}; it takes {string.Join(", ", ToxicCatalog.All[toxic.Type].Attributes.Select(a => a.Name))}"
            );
            return null;
        }
        var from = Parse(e.Settings["from"], attribute, values);
        var to = Parse(e.Settings["to"], attribute, values);
        var over = values.Duration(
            e.Settings.GetValueOrDefault("over"),
            "ramp over",
            left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1)
        );
        return new RampAction(proxy, toxic.Name, attribute.Name, from, to, over);
    }

    private static long Parse(Located<string> raw, ToxicAttributeInfo attribute, ValueReader values)
    {
        var (value, error) = UnitParser.Parse(raw.Value, attribute.Unit);
        if (error is not null)
            values.Diagnostics.Add(raw.Location, $"ramp {attribute.Name}: {error}");
        return value;
    }
}
