using System.Net.Http.Json;
using System.Text.Json;

namespace LiveRoom.Tests.Endpoints;

public sealed class ApiEndpointsTests
{
    private LiveRoomServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await LiveRoomServer.StartAsync(o => o with { Version = "2.4.0", Region = "eu-west", FrameRate = 50 });
        _http = new HttpClient { BaseAddress = _server.BaseUri };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Healthz_Get_ReturnsOk()
    {
        using var response = await _http.GetAsync("/healthz");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Version_Get_ReturnsConfiguredVersionAndRegion()
    {
        var json = await _http.GetFromJsonAsync<JsonElement>("/version");
        Assert.That(json.ToString(), Is.EqualTo("""{"version":"2.4.0","region":"eu-west"}"""));
    }

    [Test]
    public async Task Room_Unknown_ReportsEmptyRoom()
    {
        var json = await _http.GetFromJsonAsync<JsonElement>("/api/rooms/nobody-here");
        Assert.That(json.ToString(), Is.EqualTo("""{"id":"nobody-here","members":0,"frameRate":50,"lastSeq":0}"""));
    }

    [Test]
    public async Task Room_WithMember_ReportsMembersAndLastSeq()
    {
        using var cts = Timeouts.Bounded();
        using var socket = await TestSocket.ConnectAsync(_server.WebSocketUri("/ws/room/api-room"), cts.Token);
        var frame = await socket.ReceiveFrameAsync(cts.Token);

        var json = await _http.GetFromJsonAsync<JsonElement>("/api/rooms/api-room", cts.Token);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.GetProperty("id").GetString(), Is.EqualTo("api-room"));
            Assert.That(json.GetProperty("members").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("frameRate").GetInt32(), Is.EqualTo(50));
            Assert.That(json.GetProperty("lastSeq").GetInt64(), Is.GreaterThanOrEqualTo(frame.Seq));
        }
    }
}
