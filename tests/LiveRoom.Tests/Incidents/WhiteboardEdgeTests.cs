using System.Net;
using LiveRoom.Incidents.Storm;
using LiveRoom.Options;

namespace LiveRoom.Tests.Incidents;

/// <summary>
/// The whiteboard page, its bundle, the edges (one may be stale: LiveRoom:Storm:StaleEdge) and the page client's reconnect policy.
/// </summary>
public sealed class WhiteboardEdgeTests
{
    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(StormOptions storm, string path)
    {
        await using var server = await LiveRoomServer.StartAsync(o => o with { Storm = storm });
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestCase("/whiteboard/7", "/assets/whiteboard.1.0.0.js")]
    [TestCase("/edge/1/whiteboard/7", "/edge/1/assets/whiteboard.1.0.0.js")]
    [TestCase("/edge/2/whiteboard/7", "/edge/2/assets/whiteboard.1.0.0.js")]
    public async Task Page_SwitchOff_EveryEdgeServesTheCurrentBundle(string path, string bundle)
    {
        var (status, html) = await GetAsync(new StormOptions(), path);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain($"<script src=\"{bundle}\">").And.Contain("data-room=\"7\""));
    }

    [Test]
    public async Task Page_StaleEdgeTwo_EdgeTwoServesTheOldBundleAndOthersTheCurrent()
    {
        var storm = new StormOptions { StaleEdge = 2 };

        var edge2 = await GetAsync(storm, "/edge/2/whiteboard/7");
        var edge1 = await GetAsync(storm, "/edge/1/whiteboard/7");
        var oldBundle = await GetAsync(storm, "/edge/2/assets/whiteboard.0.9.0.js");

        Assert.That(edge2.Body, Does.Contain("<script src=\"/edge/2/assets/whiteboard.0.9.0.js\">"));
        Assert.That(edge1.Body, Does.Contain("<script src=\"/edge/1/assets/whiteboard.1.0.0.js\">"));
        Assert.That(oldBundle.Body, Does.Contain("var version = \"0.9.0\";"));
    }

    [TestCase("/edge/4/whiteboard/7")]
    [TestCase("/edge/0/whiteboard/7")]
    [TestCase("/edge/1/assets/whiteboard.0.9.0.js")]
    [TestCase("/assets/whiteboard.2.0.0.js")]
    public async Task UnknownEdgeOrBundle_IsNotFound(string path) =>
        Assert.That((await GetAsync(new StormOptions(), path)).Status, Is.EqualTo(HttpStatusCode.NotFound));

    [TestCase(true, "immediate: true")]
    [TestCase(false, "immediate: false, baseMs: 5000, maxMs: 30000")]
    public async Task Bundle_CarriesThePageClientsReconnectPolicy(bool immediate, string expected)
    {
        var (_, js) = await GetAsync(new StormOptions { ImmediateReconnect = immediate }, "/assets/whiteboard.1.0.0.js");

        Assert.That(js, Does.Contain(expected));
        Assert.That(js, Does.Contain("Math.random() * Math.min(policy.maxMs, policy.baseMs * Math.pow(2, attempt - 1))"));
    }

    [TestCase("--LiveRoom:Storm:StaleEdge=4", "LiveRoom:Storm:StaleEdge must be between 0 (none) and Edges (3), got 4")]
    [TestCase(
        "--LiveRoom:Storm:StaleBundleVersion=1.0.0",
        "LiveRoom:Storm:StaleBundleVersion must be a version like 0.9.0 other than LiveRoom:Version"
    )]
    [TestCase("--LiveRoom:Storm:ReconnectMaxMs=10", "ReconnectMaxMs at least ReconnectBaseMs")]
    [TestCase("--LiveRoom:Storm:ImmediateReconnect=maybe", "ImmediateReconnect")]
    public void Options_Invalid_AreRejectedWithTheKey(string arg, string expected)
    {
        var ex = Assert.Throws<LiveRoomOptionsException>(() => LiveRoomApp.Build([arg]));
        Assert.That(ex!.Message, Does.Contain(expected));
    }
}
