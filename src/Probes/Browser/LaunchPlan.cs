namespace Harness.Probes.Browser;

/// <summary>
/// Everything that decides which browser process a participant needs. Participants with equal plans share one
/// browser (each in its own context); different routes need different processes because Chromium's host
/// resolver rules are per process.
/// </summary>
internal sealed record LaunchPlan(BrowserSettings Settings, string? ResolverRules)
{
    public string Key { get; } =
        string.Join(
            '\n',
            [
                Settings.WsEndpoint?.ToString() ?? "",
                Settings.ExecutablePath ?? "",
                Settings.EnvironmentExecutablePath ?? "",
                Settings.Headless ? "headless" : "headed",
                ResolverRules ?? "",
                .. Settings.ExtraArgs,
                "prefix:",
                .. Settings.LaunchPrefix,
            ]
        );

    public bool IsRemote => Settings.WsEndpoint is not null;

    public IReadOnlyList<string> Args()
    {
        var args = new List<string> { "--disable-gpu", "--disable-quic" };
        if (ResolverRules is not null)
            args.Add(ResolverRules);
        args.AddRange(Settings.ExtraArgs);
        return args;
    }
}
