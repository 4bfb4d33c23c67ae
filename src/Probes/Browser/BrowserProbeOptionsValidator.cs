using System.Text.RegularExpressions;

namespace Harness.Probes.Browser;

/// <summary>Checks browser probe options, collecting every error with its path instead of stopping at the first.</summary>
internal static class BrowserProbeOptionsValidator
{
    public static IReadOnlyList<string> Validate(BrowserProbeOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Name))
            errors.Add("name: must not be empty");
        if (o.BaseUrl is null || !IsHttp(o.BaseUrl))
            errors.Add($"base_url: must be an absolute http or https URL, got '{o.BaseUrl}'");
        if (o.StepTimeout <= TimeSpan.Zero)
            errors.Add($"step_timeout: must be positive, got {o.StepTimeout}");
        if (o.Every is { } every && every <= TimeSpan.Zero)
            errors.Add($"every: must be positive, got {every}");
        if (o.Capture.MaxMessages < 0)
            errors.Add($"capture.max_messages: must not be negative, got {o.Capture.MaxMessages}");
        if (o.AllowHosts.Any(string.IsNullOrWhiteSpace))
            errors.Add("allow_hosts: entries must not be empty");
        ValidateBrowser(o.Browser, errors);
        ValidateSteps(o.Steps, "steps", errors);
        ValidateParticipants(o, errors);
        var needsFiles = o.Steps.Concat(o.Participants.SelectMany(p => p?.Steps ?? [])).Any(s => s is ScreenshotStep);
        if (needsFiles && string.IsNullOrWhiteSpace(o.ArtifactsDirectory))
            errors.Add("artifacts_directory: screenshot steps need one");
        return errors;
    }

    public static void CheckRegex(ICollection<string> errors, string path, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{path}: not a valid regular expression: {ex.Message}");
        }
    }

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void ValidateBrowser(BrowserSettings b, List<string> errors)
    {
        if (b.WsEndpoint is { } ws && (!ws.IsAbsoluteUri || (ws.Scheme != Uri.UriSchemeWs && ws.Scheme != Uri.UriSchemeWss)))
            errors.Add($"browser.ws_endpoint: must be an absolute ws or wss URL, got '{ws}'");
        if (b.WsEndpoint is not null && b.ExecutablePath is not null)
            errors.Add("browser: give either executable_path or ws_endpoint, not both");
        if (b.ExtraArgs.Any(string.IsNullOrWhiteSpace))
            errors.Add("browser.args: entries must not be empty");
        if (b.WsEndpoint is not null && b.LaunchPrefix.Count > 0)
            errors.Add("browser: a launch prefix needs a browser the probe launches, not ws_endpoint");
        if (b.LaunchPrefix.Any(string.IsNullOrWhiteSpace))
            errors.Add("browser.launch_prefix: entries must not be empty");
        if (b.ExtraArgs.Any(a => a.StartsWith("--host-resolver-rules", StringComparison.Ordinal)))
            errors.Add("browser.args: --host-resolver-rules is built from the routes; use routes and allow_hosts instead");
        ValidateViewport(b.Viewport, "browser.viewport", errors);
    }

    private static void ValidateViewport(BrowserViewport? v, string path, List<string> errors)
    {
        if (v is not null && (v.Width < 1 || v.Height < 1))
            errors.Add($"{path}: width and height must be positive, got {v.Width}x{v.Height}");
    }

    private static void ValidateSteps(IReadOnlyList<BrowserStep> steps, string path, List<string> errors)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is null)
                errors.Add($"{path}[{i}]: must not be null");
            else
                steps[i].Validate(errors, $"{path}[{i}].{steps[i].Kind}");
        }
    }

    private static void ValidateParticipants(BrowserProbeOptions o, List<string> errors)
    {
        if (o.Participants.Count == 0)
            errors.Add("participants: must list at least one");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < o.Participants.Count; i++)
        {
            var p = o.Participants[i];
            var path = $"participants[{i}]";
            if (p is null)
            {
                errors.Add($"{path}: must not be null");
                continue;
            }
            if (string.IsNullOrWhiteSpace(p.Name))
                errors.Add($"{path}.name: must not be empty");
            else if (!names.Add(p.Name))
                errors.Add($"{path}.name: '{p.Name}' is used twice");
            if (p.Count < 1)
                errors.Add($"{path}.count: must be at least 1, got {p.Count}");
            if (p.BaseUrl is { } url && !IsHttp(url))
                errors.Add($"{path}.base_url: must be an absolute http or https URL, got '{url}'");
            ValidateViewport(p.Viewport, $"{path}.viewport", errors);
            if (p.LaunchPrefix is { Count: > 0 } && o.Browser.WsEndpoint is not null)
                errors.Add($"{path}.launch_prefix: needs a browser the probe launches, not ws_endpoint");
            if (p.Steps is { } steps)
                ValidateSteps(steps, $"{path}.steps", errors);
        }
    }
}
