using System.Globalization;
using System.Net.Http.Json;

namespace Harness.Probes.Bench.Infra;

/// <summary>LiveRoom in its own process (Release build), so the probe process's memory and CPU are measured alone.</summary>
internal sealed class LiveRoomProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly ChildProcess _process;

    private LiveRoomProcess(ChildProcess process, Uri baseUri) => (_process, BaseUri) = (process, baseUri);

    public Uri BaseUri { get; }

    public int Pid => _process.Pid;

    public static async Task<LiveRoomProcess> StartAsync(int frameRate)
    {
        if (!File.Exists(Repo.LiveRoomDll))
            throw new InvalidOperationException($"{Repo.LiveRoomDll} is missing: dotnet build -c Release samples/LiveRoom");
        var port = Ports.Free();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        var process = ChildProcess.Start(
            "dotnet",
            [
                Repo.LiveRoomDll,
                "--urls",
                $"http://127.0.0.1:{port}",
                $"--LiveRoom:FrameRate={frameRate.ToString(CultureInfo.InvariantCulture)}",
            ]
        );
        _ = DrainAsync(process);
        var room = new LiveRoomProcess(process, baseUri);
        for (var i = 0; i < 200; i++)
        {
            try
            {
                if ((await Http.GetAsync(new Uri(baseUri, "healthz")).ConfigureAwait(false)).IsSuccessStatusCode)
                    return room;
            }
            catch (HttpRequestException) { }
            await Task.Delay(50).ConfigureAwait(false);
        }
        room.Dispose();
        throw new InvalidOperationException("LiveRoom did not become healthy");
    }

    /// <summary>The room's state from /api/rooms/{id}: members and the last sequence number sent.</summary>
    public async Task<(int Members, long LastSeq)> RoomAsync(string id)
    {
        var info = await Http.GetFromJsonAsync<RoomInfo>(new Uri(BaseUri, $"api/rooms/{id}")).ConfigureAwait(false);
        return (info!.Members, info.LastSeq);
    }

    public void Dispose() => _process.Dispose();

    private static async Task DrainAsync(ChildProcess process)
    {
        try
        {
            while (await process.Output.ReadLineAsync().ConfigureAwait(false) is not null) { }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException) { }
    }

    private sealed record RoomInfo(string Id, int Members, int FrameRate, long LastSeq);
}
