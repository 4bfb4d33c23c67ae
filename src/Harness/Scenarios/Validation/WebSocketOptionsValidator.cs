using Harness.Probes.WebSockets;
using Harness.Scenarios.Loading;

namespace Harness.Scenarios.Validation;

/// <summary>
/// <c>reconnect: exponential</c> or <c>reconnect: { policy: exponential, delay: 500ms, max_delay: 30s, multiplier: 2, max_attempts: 10
/// }</c>.
/// </summary>
internal static class WebSocketOptionsValidator
{
    private static readonly Dictionary<string, WebSocketReconnectKind> Policies = new(StringComparer.Ordinal)
    {
        ["none"] = WebSocketReconnectKind.None,
        ["immediate"] = WebSocketReconnectKind.Immediate,
        ["fixed"] = WebSocketReconnectKind.Fixed,
        ["exponential"] = WebSocketReconnectKind.Exponential,
    };

    public static WebSocketReconnectOptions? Reconnect(MappingReader? probe, ValueReader values)
    {
        var node = probe?.Node("reconnect");
        if (node is null)
            return null;
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            var policy = probe!.Scalar("reconnect");
            return policy is null ? null : new WebSocketReconnectOptions { Kind = Policy(policy, values) };
        }
        var reader = MappingReader.Open(node, "reconnect", probe!.Context, ScenarioKeys.Reconnect);
        if (reader is null)
            return null;
        var defaults = new WebSocketReconnectOptions();
        var kind = reader.Scalar("policy") is { } p ? Policy(p, values) : WebSocketReconnectKind.Exponential;
        var delay = values.Duration(reader.Scalar("delay"), "reconnect delay", defaults.Delay, allowZero: true);
        var maxDelay = values.Duration(reader.Scalar("max_delay"), "reconnect max_delay", defaults.MaxDelay);
        if (maxDelay < delay)
            values.Diagnostics.Add(reader.Location, "reconnect: max_delay must not be shorter than delay");
        return new WebSocketReconnectOptions
        {
            Kind = kind,
            Delay = delay,
            MaxDelay = maxDelay,
            Multiplier = values.Number(reader.Scalar("multiplier"), "reconnect multiplier", defaults.Multiplier, 1, 100),
            MaxAttempts = reader.Scalar("max_attempts") is { } attempts
                ? values.Integer(attempts, "reconnect max_attempts", 1, 1, int.MaxValue)
                : null,
        };
    }

    private static WebSocketReconnectKind Policy(Located<string> raw, ValueReader values)
    {
        if (Policies.TryGetValue(raw.Value, out var kind))
            return kind;
        values.Diagnostics.Add(
            raw.Location,
            $"reconnect policy '{raw.Value}'{DidYouMean.Suffix(raw.Value, Policies.Keys)} must be one of {string.Join(", ", Policies.Keys)}"
        );
        return WebSocketReconnectKind.Exponential;
    }
}
