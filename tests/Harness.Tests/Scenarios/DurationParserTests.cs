using Harness.Scenarios.Validation;

namespace Harness.Tests.Scenarios;

public sealed class DurationParserTests
{
    [TestCase("250ms", 250)]
    [TestCase("10s", 10_000)]
    [TestCase("1.5s", 1_500)]
    [TestCase("2m", 120_000)]
    [TestCase("1h", 3_600_000)]
    [TestCase(" 3s ", 3_000)]
    public void TryParse_WithUnit_ReturnsDuration(string text, double milliseconds)
    {
        Assert.That(DurationParser.TryParse(text, out var duration), Is.True);
        Assert.That(duration.TotalMilliseconds, Is.EqualTo(milliseconds));
    }

    [TestCase("10")]
    [TestCase("ten seconds")]
    [TestCase("-1s")]
    [TestCase("1d")]
    [TestCase("")]
    public void TryParse_WithoutValidUnit_Fails(string text) => Assert.That(DurationParser.TryParse(text, out _), Is.False);
}
