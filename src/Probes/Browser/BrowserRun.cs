using Harness.Probes.Internal;

namespace Harness.Probes.Browser;

/// <summary>State shared by the participants of one probe run.</summary>
internal sealed class BrowserRun(
    BrowserProbeOptions options,
    BrowserProbeReport report,
    BrowserPool pool,
    SampleWriter samples,
    BrowserNetworkControl network
)
{
    private volatile bool _videoUnavailable;

    public BrowserProbeOptions Options => options;

    public BrowserProbeReport Report => report;

    public BrowserPool Pool => pool;

    public SampleWriter Samples => samples;

    /// <summary>Network changes from outside the steps (timeline events); every page registers with it while open.</summary>
    public BrowserNetworkControl Network => network;

    public TimeProvider Time => samples.Time;

    public string ProbeName => options.Name;

    public bool RecordVideo => options.Capture.Video != ArtifactMode.Never && options.ArtifactsDirectory is not null && !_videoUnavailable;

    public void VideoUnavailable(string reason)
    {
        _videoUnavailable = true;
        report.Note($"video skipped: {reason}");
    }
}
