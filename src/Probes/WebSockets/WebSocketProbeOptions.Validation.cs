using Harness.Probes.Internal;

namespace Harness.Probes.WebSockets;

/// <summary>Validation of <see cref="WebSocketProbeOptions"/>: every problem is reported at once.</summary>
public sealed partial record WebSocketProbeOptions
{
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        var errors = new OptionErrors($"probe '{Name}'");
        errors.Require(
            Url.IsAbsoluteUri && (Url.Scheme == Uri.UriSchemeWs || Url.Scheme == Uri.UriSchemeWss),
            $"Url must be an absolute ws or wss URL, got '{Url}'"
        );
        errors.Require(Clients >= 1, "Clients must be at least 1");
        errors.Require(MaxConcurrentConnects is not { } m || m >= 1, "MaxConcurrentConnects must be at least 1");
        errors.Require(ConnectTimeout > TimeSpan.Zero, "ConnectTimeout must be positive");
        errors.Require(RampDuration >= TimeSpan.Zero, "RampDuration must not be negative");
        errors.Require(ReconnectDelay is not { } d || d >= TimeSpan.Zero, "ReconnectDelay must not be negative");
        errors.Require(ReceiveTimeout is not { } r || r > TimeSpan.Zero, "ReceiveTimeout must be positive");
        errors.Require(MaxMessageBytes >= 1, "MaxMessageBytes must be at least 1");
        errors.Require(Subprotocols?.All(p => !string.IsNullOrWhiteSpace(p)) ?? true, "Subprotocols must not be blank");
        errors.Require(Headers?.Keys.All(k => !string.IsNullOrWhiteSpace(k)) ?? true, "Headers names must not be blank");
        foreach (var field in MetricFields ?? [])
            field.Validate(errors);
        Echo?.Validate(errors);
        Stream?.Validate(errors);
        Reconnect?.Validate(errors);
        errors.ThrowIfAny();
    }
}
