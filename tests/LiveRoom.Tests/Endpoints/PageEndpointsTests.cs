using System.Net;

namespace LiveRoom.Tests.Endpoints;

public sealed class PageEndpointsTests
{
    private LiveRoomServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await LiveRoomServer.StartAsync();
        _http = new HttpClient { BaseAddress = _server.BaseUri };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Lobby_Get_LinksToRooms()
    {
        var html = await _http.GetStringAsync("/");
        Assert.That(html, Does.Contain("href=\"/room/1\"").And.Contain("<!DOCTYPE html>"));
    }

    [Test]
    public async Task RoomPage_Get_HasConnectedAndFramesElementsAndOwnHostSocket()
    {
        using var response = await _http.GetAsync("/room/42");
        var html = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("id=\"connected\" hidden"));
            Assert.That(html, Does.Contain("id=\"frames\">0<"));
            Assert.That(html, Does.Contain("location.host + \"/ws/room/42\""));
            Assert.That(html, Does.Not.Contain("<script src"), "the page must be self-contained");
        }
    }

    [TestCase("/room/a%20b")]
    [TestCase("/room/%3Cscript%3E")]
    [TestCase("/api/rooms/a.b")]
    public async Task RoomRoutes_InvalidId_NotFound(string path)
    {
        using var response = await _http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
