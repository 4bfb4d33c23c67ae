using LiveRoom.Options;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Tests.Options;

public sealed class LiveRoomOptionsTests
{
    [Test]
    public async Task Build_CommandLineSection_BindsOptions()
    {
        await using var app = LiveRoomApp.Build(["--LiveRoom:FrameRate=50", "--LiveRoom:Region=us-east", "--LiveRoom:FramePayloadBytes=8"]);
        var options = app.Services.GetRequiredService<LiveRoomOptions>();
        Assert.That(
            options,
            Is.EqualTo(
                new LiveRoomOptions
                {
                    FrameRate = 50,
                    Region = "us-east",
                    FramePayloadBytes = 8,
                }
            )
        );
    }

    [Test]
    public void Defaults_AreDocumentedValues()
    {
        var options = new LiveRoomOptions();
        Assert.That(
            (options.FrameRate, options.FramePayloadBytes, options.Version, options.Region),
            Is.EqualTo((20, 160, "1.0.0", "local"))
        );
    }

    [TestCase("--LiveRoom:FrameRate=0", "FrameRate")]
    [TestCase("--LiveRoom:FrameRate=abc", "FrameRate")]
    [TestCase("--LiveRoom:FramePayloadBytes=-1", "FramePayloadBytes")]
    [TestCase("--LiveRoom:Region=", "Region")]
    [TestCase("--LiveRoom:FrameRat=5", "FrameRat")]
    [TestCase("--LiveRoom:ApiDelayMs=-1", "ApiDelayMs")]
    [TestCase("--LiveRoom:ApiDelayMs=60001", "ApiDelayMs")]
    public void Build_InvalidValue_ThrowsNamingTheSetting(string arg, string setting)
    {
        var ex = Assert.Throws<LiveRoomOptionsException>(() => LiveRoomApp.Build([arg]));
        Assert.That(ex.Message, Does.Contain(setting).And.Not.Contain("\n"));
    }

    [Test]
    public void Build_ConfigureProducesInvalidOptions_Throws() =>
        Assert.Throws<LiveRoomOptionsException>(() => LiveRoomApp.Build([], o => o with { MemberQueueFrames = 0 }));

    [Test]
    public async Task RunAsync_InvalidValue_ReturnsExitCode2WithOneLine()
    {
        using var error = new StringWriter();
        var exitCode = await LiveRoomApp.RunAsync(["--LiveRoom:FrameRate=-5"], TextWriter.Null, error);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error.ToString(), Does.StartWith("liveroom: ").And.Contain("FrameRate"));
    }
}
