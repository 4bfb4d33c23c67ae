namespace Harness.Testing;

/// <summary>Settings of <see cref="ImpairedServer.StartAsync"/>. Every property has a default; null means "use the default".</summary>
public sealed class ImpairedServerOptions
{
    /// <summary>Seed for jitter, toxicity and loss draws, so a run repeats; null draws one.</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Where named profiles are looked up: the nearest <c>profiles/</c> (or <c>scenarios/profiles/</c>) folder at or above
    /// this folder. Defaults to the current directory.
    /// </summary>
    public string? ProfilesDirectory { get; set; }

    /// <summary>
    /// Receives one line per thing done (proxy created, event fired); null is silent. <see cref="ImpairedTest"/> logs to NUnit's
    /// progress.
    /// </summary>
    public Action<string>? Log { get; set; }

    /// <summary>The clock of timelines, flaps and partitions. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
