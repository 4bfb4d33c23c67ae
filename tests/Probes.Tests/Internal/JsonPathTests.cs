using System.Text;
using Harness.Probes.Internal;

namespace Probes.Tests.Internal;

public sealed class JsonPathTests
{
    private const string Doc = """{"type":"frame","data":{"seq":42,"ok":true,"name":"a\"b","items":[{"id":"x"},{"id":"y"}]},"n":null}""";

    [TestCase("type", "frame")]
    [TestCase("data.seq", "42")]
    [TestCase("data.ok", "true")]
    [TestCase("data.name", "a\"b")]
    [TestCase("data.items.1.id", "y")]
    [TestCase("n", "null")]
    public void TryReadText_Present_Value(string path, string expected)
    {
        Assert.That(new JsonPath(path).TryReadText(Encoding.UTF8.GetBytes(Doc), out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("missing")]
    [TestCase("data.items.5.id")]
    [TestCase("type.deeper")]
    [TestCase("data")]
    public void TryReadText_AbsentOrContainer_False(string path) =>
        Assert.That(new JsonPath(path).TryReadText(Encoding.UTF8.GetBytes(Doc), out _), Is.False);

    [Test]
    public void TryReadInt64_Truncated_False() =>
        Assert.That(new JsonPath("data.seq").TryReadInt64("""{"data":{"seq":1"""u8, out _), Is.False);

    [TestCase("a.b", true)]
    [TestCase("a..b", false)]
    [TestCase("", false)]
    public void IsValid_Paths(string path, bool valid) => Assert.That(JsonPath.IsValid(path), Is.EqualTo(valid));
}
