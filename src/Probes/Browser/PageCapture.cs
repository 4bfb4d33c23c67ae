using System.Text;
using Harness.Probes.Abstractions;
using Microsoft.Playwright;

namespace Harness.Probes.Browser;

/// <summary>
/// Listens to one page during one iteration: console errors and warnings, uncaught page errors, failed
/// requests (counted at once), and the page's WebSockets (summed, emitted at <see cref="Stop"/>). Events after
/// Stop, such as requests aborted by closing the page, are ignored.
/// </summary>
internal sealed class PageCapture
{
    private readonly IPage _page;
    private readonly BrowserRun _run;
    private readonly string _participant;
    private readonly ParticipantSamples _samples;
    private readonly int _iteration;
    private volatile bool _stopped;
    private int _opened,
        _closed;
    private long _framesReceived,
        _framesSent,
        _bytesReceived,
        _bytesSent;

    public PageCapture(IPage page, BrowserRun run, string participant, ParticipantSamples samples, int iteration)
    {
        (_page, _run, _participant, _samples, _iteration) = (page, run, participant, samples, iteration);
        if (run.Options.Capture.Console)
        {
            page.Console += OnConsole;
            page.PageError += OnPageError;
            page.RequestFailed += OnRequestFailed;
        }
        if (run.Options.Capture.WebSocketFrames)
            page.WebSocket += OnWebSocket;
    }

    /// <summary>Stops listening and emits the WebSocket totals (ws_msgs_received, ws_msgs_sent, ws_disconnects).</summary>
    public BrowserWebSocketStats Stop()
    {
        _stopped = true;
        _page.Console -= OnConsole;
        _page.PageError -= OnPageError;
        _page.RequestFailed -= OnRequestFailed;
        _page.WebSocket -= OnWebSocket;
        var stats = new BrowserWebSocketStats(
            Volatile.Read(ref _opened),
            Volatile.Read(ref _closed),
            Interlocked.Read(ref _framesReceived),
            Interlocked.Read(ref _framesSent),
            Interlocked.Read(ref _bytesReceived),
            Interlocked.Read(ref _bytesSent)
        );
        if (stats.Opened == 0)
            return stats;
        var tags = _samples.TagsNow();
        _samples.Add(MetricNames.WsMsgsReceived, stats.FramesReceived, tags);
        _samples.Add(MetricNames.WsMsgsSent, stats.FramesSent, tags);
        if (stats.Closed > 0)
            _samples.Add(MetricNames.WsDisconnects, stats.Closed, tags);
        return stats;
    }

    private void OnConsole(object? sender, IConsoleMessage message)
    {
        var kind = message.Type switch
        {
            "error" => BrowserMessageKind.ConsoleError,
            "warning" => BrowserMessageKind.ConsoleWarning,
            _ => (BrowserMessageKind?)null,
        };
        if (_stopped || kind is null)
            return;
        if (kind == BrowserMessageKind.ConsoleError)
            _samples.Add(MetricNames.BrowserConsoleErrors, 1);
        Keep(kind.Value, message.Text, message.Location);
    }

    private void OnPageError(object? sender, string error)
    {
        if (_stopped)
            return;
        _samples.Add(MetricNames.BrowserPageErrors, 1);
        Keep(BrowserMessageKind.PageError, error, _page.Url);
    }

    private void OnRequestFailed(object? sender, IRequest request)
    {
        if (_stopped)
            return;
        var reason = request.Failure ?? "failed";
        _samples.Add(
            MetricNames.BrowserRequestsFailed,
            1,
            _samples.TagsNow().With("reason", reason).With(Internal.SampleWriter.ErrorTag, Internal.BrowserFailure.Classify(reason))
        );
        Keep(BrowserMessageKind.RequestFailed, reason, request.Url);
    }

    private void OnWebSocket(object? sender, IWebSocket socket)
    {
        if (_stopped)
            return;
        Interlocked.Increment(ref _opened);
        socket.FrameReceived += (_, frame) => Count(ref _framesReceived, ref _bytesReceived, frame);
        socket.FrameSent += (_, frame) => Count(ref _framesSent, ref _bytesSent, frame);
        socket.Close += (_, _) =>
        {
            if (!_stopped)
                Interlocked.Increment(ref _closed);
        };
    }

    private void Count(ref long frames, ref long bytes, IWebSocketFrame frame)
    {
        if (_stopped)
            return;
        Interlocked.Increment(ref frames);
        Interlocked.Add(ref bytes, frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? ""));
    }

    private void Keep(BrowserMessageKind kind, string text, string? location) =>
        _run.Report.Add(
            new BrowserMessage(kind, _participant, _iteration, _run.Time.GetUtcNow(), Quietly.Cut(text), Quietly.Cut(location))
        );
}
