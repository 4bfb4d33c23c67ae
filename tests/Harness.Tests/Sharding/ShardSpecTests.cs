using Harness.Sharding;

namespace Harness.Tests.Sharding;

public sealed class ShardSpecTests
{
    [TestCase("0/1", 0, 1)]
    [TestCase("0/2", 0, 2)]
    [TestCase("1/2", 1, 2)]
    [TestCase("9/10", 9, 10)]
    public void Parse_ValidForm_GivesIndexAndCount(string text, int index, int count)
    {
        var ok = ShardSpec.TryParse(text, out var spec, out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(spec, Is.EqualTo(new ShardSpec(index, count)));
        Assert.That(spec!.ToString(), Is.EqualTo(text));
    }

    [TestCase("3/3", "index 3 is not below the shard count 3")]
    [TestCase("-1/2", "not of the form i/N")]
    [TestCase("a/b", "not of the form i/N")]
    [TestCase("0/0", "the shard count must be at least 1")]
    [TestCase("1", "not of the form i/N")]
    [TestCase("1/2/3", "not of the form i/N")]
    [TestCase("", "not of the form i/N")]
    [TestCase(" 0/2", "not of the form i/N")]
    [TestCase("0/99999999999", "not of the form i/N")]
    public void Parse_BadForm_SaysWhatIsWrong(string text, string expected)
    {
        var ok = ShardSpec.TryParse(text, out var spec, out var error);

        Assert.That(ok, Is.False);
        Assert.That(spec, Is.Null);
        Assert.That(error, Does.StartWith($"--shard '{text}'").And.Contain(expected));
    }
}
