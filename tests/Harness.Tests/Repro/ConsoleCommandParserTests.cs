using Harness.Repro;
using Harness.Scenarios.Model;

namespace Harness.Tests.Repro;

internal sealed class ConsoleCommandParserTests
{
    private static readonly NetworkProfile Start = new(
        "repro",
        null,
        null,
        TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(10),
        500,
        500,
        2
    );

    [Test]
    public void Parse_Latency_SetsTheRoundTripAndKeepsTheRest()
    {
        var command = ConsoleCommandParser.Parse("latency 500ms", Start);

        Assert.That(command.Kind, Is.EqualTo(ConsoleCommandKind.Apply));
        Assert.That(command.Conditions, Is.EqualTo(Start with { Rtt = TimeSpan.FromMilliseconds(500) }));
    }

    [TestCase("loss 5%", 5.0)]
    [TestCase("loss 0.5%", 0.5)]
    [TestCase("  LOSS   7  ", 7.0)]
    public void Parse_Loss_SetsThePercentage(string line, double percent) =>
        Assert.That(ConsoleCommandParser.Parse(line, Start).Conditions!.LossPercent, Is.EqualTo(percent));

    [TestCase("bandwidth 100KB/s", 100L, 100L)]
    [TestCase("bandwidth 1MB/s 100KB/s", 1000L, 100L)]
    [TestCase("bandwidth 8Mbit/s", 1000L, 1000L)]
    public void Parse_Bandwidth_SetsDownAndUp(string line, long down, long up)
    {
        var conditions = ConsoleCommandParser.Parse(line, Start).Conditions!;

        Assert.That((conditions.DownKilobytesPerSecond, conditions.UpKilobytesPerSecond), Is.EqualTo(((long?)down, (long?)up)));
    }

    [TestCase("latency off")]
    [TestCase("latency 0")]
    public void Parse_LatencyOff_RemovesOnlyTheLatency(string line)
    {
        var conditions = ConsoleCommandParser.Parse(line, Start).Conditions!;

        Assert.That(conditions, Is.EqualTo(Start with { Rtt = null }));
    }

    [Test]
    public void Parse_Reset_RemovesEveryImpairment()
    {
        var conditions = ConsoleCommandParser.Parse("reset", Start).Conditions!;

        Assert.That(conditions.ToToxics("p"), Is.Empty);
        Assert.That(OriginProxies.Describe(conditions), Is.EqualTo("no impairment"));
    }

    [TestCase("list", ConsoleCommandKind.List)]
    [TestCase("help", ConsoleCommandKind.Help)]
    [TestCase("?", ConsoleCommandKind.Help)]
    [TestCase("   ", ConsoleCommandKind.Empty)]
    public void Parse_OtherCommands_AreRecognised(string line, ConsoleCommandKind kind) =>
        Assert.That(ConsoleCommandParser.Parse(line, Start).Kind, Is.EqualTo(kind));

    [TestCase("latency fast", "latency: 'fast' is not a duration such as 200ms or 1.5s")]
    [TestCase("latency", "'latency' takes one duration, e.g. 'latency 300ms' or 'latency off'")]
    [TestCase("loss 150%", "loss: '150%' is not a percentage such as 5% (0 to 100)")]
    [TestCase("bandwidth lots", "bandwidth: 'lots' is not a rate such as 500KB/s, 2MB/s or 8Mbit/s")]
    [TestCase("latncy 5ms", "unknown command 'latncy'; type help for the list (latency, jitter, loss, bandwidth, reset, list)")]
    [TestCase("reset now", "'reset' takes no value, got 'now'")]
    public void Parse_BadLine_SaysWhatIsWrong(string line, string error)
    {
        var command = ConsoleCommandParser.Parse(line, Start);

        Assert.That((command.Kind, command.Error), Is.EqualTo((ConsoleCommandKind.Invalid, error)));
    }
}
