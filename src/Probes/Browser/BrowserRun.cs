using Harness.Probes.Internal;

namespace Harness.Probes.Browser;

/// <summary>State shared by the participants of one probe run.</summary>
internal sealed class BrowserRun(BrowserProbeOptions options, BrowserProbeReport report, BrowserPool pool, SampleWriter samples)
{
    private volatile bool _videoUnavailable;

    public BrowserProbeOptions Options => options;

    public BrowserProbeReport Report => report;

    public BrowserPool Pool => pool;

    public SampleWriter Samples => samples;

    public TimeProvider Time => samples.Time;

    public string ProbeName => options.Name;

    public bool RecordVideo => options.Capture.Video != ArtifactMode.Never && options.ArtifactsDirectory is not null && !_videoUnavailable;

    public void VideoUnavailable(string reason)
    {
        _videoUnavailable = true;
        report.Note($"video skipped: {reason}");
    }
}
