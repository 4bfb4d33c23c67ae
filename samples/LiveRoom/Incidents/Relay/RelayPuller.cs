using System.Net.WebSockets;
using System.Text.Json;
using LiveRoom.Rooms;

namespace LiveRoom.Incidents.Relay;

/// <summary>
/// The other side of a relay: while a relayed room has participants here, fetch its new frames from the home region
/// every frame interval, each fetch bounded by the relay timeout, and hand them to the room. A run of failed fetches
/// closes the participants with 4504 and a reason naming both regions and the timeout.
/// </summary>
internal sealed class RelayPuller(
    HttpClient http,
    Uri home,
    string room,
    string region,
    string homeRegion,
    RelayOptions options,
    TimeSpan interval,
    TimeProvider time
)
{
    private const int MaxBurst = 50;

    public async Task RunAsync(Room target, CancellationToken stop)
    {
        long last = -1;
        var failures = 0;
        using var timer = new PeriodicTimer(interval, time);
        while (!stop.IsCancellationRequested && await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            var (frames, error) = await FetchAsync(last, stop).ConfigureAwait(false);
            if (frames is null)
            {
                if (++failures < options.FailuresToClose)
                    continue;
                target.CloseAll(
                    (WebSocketCloseStatus)RelayOptions.RelayTimeoutCloseCode,
                    $"relay {region} -> {homeRegion} failed {failures} times: {error}"
                );
                failures = 0;
                continue;
            }
            failures = 0;
            // After a stall only the latest frames are worth sending: a burst must not overflow the participants' queues.
            foreach (var (seq, frame) in frames.Skip(Math.Max(0, frames.Count - MaxBurst)))
            {
                // The first fetch only finds where the home room is: participants here start from now.
                if (last >= 0)
                    target.Broadcast(frame);
                last = Math.Max(last, seq);
            }
            if (last < 0)
                last = 0;
        }
    }

    private async Task<(List<(long, ReadOnlyMemory<byte>)>? Frames, string Error)> FetchAsync(long after, CancellationToken stop)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stop);
        bounded.CancelAfter(options.Timeout);
        try
        {
            var url = new Uri(home, $"relay/rooms/{room}/frames?after={after}");
            using var response = await http.GetAsync(url, bounded.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return (null, $"HTTP {(int)response.StatusCode}");
            var body = await response.Content.ReadAsByteArrayAsync(bounded.Token).ConfigureAwait(false);
            return (Split(body), "");
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return (null, $"timeout after {options.Timeout.TotalMilliseconds} ms");
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
    }

    private static List<(long, ReadOnlyMemory<byte>)> Split(byte[] body)
    {
        var frames = new List<(long, ReadOnlyMemory<byte>)>();
        using var document = JsonDocument.Parse(body);
        foreach (var element in document.RootElement.EnumerateArray())
        {
            frames.Add((element.GetProperty("seq").GetInt64(), JsonSerializer.SerializeToUtf8Bytes(element)));
        }
        return frames;
    }
}
