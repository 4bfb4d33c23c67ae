namespace Harness.Testing;

/// <summary>Settings of <see cref="ScenarioDefinition.RunAsync"/>. Null means "use the default".</summary>
public sealed class ScenarioRunOptions
{
    /// <summary>
    /// Where the run's report folder (<c>&lt;stamp&gt;-&lt;name&gt;/</c> with results.json, index.html, junit.xml) goes. Defaults to
    /// <c>harness-reports</c> in the current directory.
    /// </summary>
    public string? ReportDirectory { get; set; }

    /// <summary>Overrides the scenario's seed.</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// A real (or shared) Toxiproxy to use instead of the embedded server; its host must be loopback or allowed by the scenario.
    /// </summary>
    public Uri? Toxiproxy { get; set; }

    /// <summary>The Chromium for browser probes; defaults to <c>HARNESS_BROWSER</c>, then the system's Chromium.</summary>
    public string? BrowserExecutablePath { get; set; }

    /// <summary>Receives the run's progress lines; null is silent. <see cref="ImpairedTest"/> logs to NUnit's progress.</summary>
    public Action<string>? Log { get; set; }
}
