using System.Globalization;
using Harness.Scenarios.Model;

namespace Harness.Testing;

/// <summary>Values as the scenario language writes them: durations with units, toxic attributes in their catalogue unit.</summary>
internal static class YamlValues
{
    public static string Duration(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0.###}ms");

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Attribute(string type, string attribute, long value)
    {
        var unit = ToxicCatalog.All.TryGetValue(type, out var info)
            ? info.Attributes.FirstOrDefault(a => a.Name == attribute)?.Unit ?? AttributeUnit.Number
            : AttributeUnit.Number;
        var n = value.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            AttributeUnit.Milliseconds => n + "ms",
            AttributeUnit.Microseconds => n + "us",
            AttributeUnit.KilobytesPerSecond => n + "KB/s",
            AttributeUnit.Percent => n + "%",
            _ => n,
        };
    }

    public static Dictionary<string, object?> Toxic(string proxy, Toxic toxic)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["proxy"] = proxy,
            ["type"] = toxic.Type,
            ["stream"] = toxic.DirectionName,
            ["name"] = toxic.EffectiveName,
        };
        if (toxic.Toxicity != 1)
            map["toxicity"] = Number(toxic.Toxicity);
        foreach (var (name, value) in toxic.Attributes)
            map[name] = Attribute(toxic.Type, name, value);
        return map;
    }

    public static Dictionary<string, object?> Phase(PhaseBuilder phase)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["phase"] = phase.Name,
            ["duration"] = Duration(phase.Duration),
        };
        if (phase.Toxics.Count > 0)
            map["toxics"] = phase.Toxics.Select(t => (object?)Toxic(t.Proxy, t.Toxic)).ToList();
        if (phase.Events.Count > 0)
            map["events"] = phase.Events.Select(e => (object?)Event(phase, e)).ToList();
        return map;
    }

    private static Dictionary<string, object?> Event(PhaseBuilder phase, PhaseEventSpec e)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["at"] = Duration(e.At) };
        switch (e.Action)
        {
            case ResetConnectionsAction reset:
                map["reset_connections"] = reset.Proxy;
                break;
            case SetProxyEnabledAction toggle:
                map[toggle.Enabled ? "enable" : "disable"] = toggle.Proxy;
                break;
            case FlapAction flap:
                map["flap"] = new Dictionary<string, object?>
                {
                    ["proxy"] = flap.Proxy,
                    ["period"] = Duration(flap.Period),
                    ["down"] = Duration(flap.Down),
                };
                break;
            case RampAction ramp:
                var type = phase.Toxics.FirstOrDefault(t => t.Proxy == ramp.Proxy && t.Toxic.EffectiveName == ramp.Toxic).Toxic?.Type ?? "";
                map["ramp"] = new Dictionary<string, object?>
                {
                    ["proxy"] = ramp.Proxy,
                    ["toxic"] = ramp.Toxic,
                    ["attribute"] = ramp.Attribute,
                    ["from"] = Attribute(type, ramp.Attribute, ramp.From),
                    ["to"] = Attribute(type, ramp.Attribute, ramp.To),
                    ["over"] = Duration(ramp.Over),
                };
                break;
        }
        return map;
    }
}
