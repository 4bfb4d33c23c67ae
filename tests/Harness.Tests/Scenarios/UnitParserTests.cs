using Harness.Scenarios.Model;
using Harness.Scenarios.Validation;

namespace Harness.Tests.Scenarios;

public sealed class UnitParserTests
{
    [TestCase("200ms", AttributeUnit.Milliseconds, 200)]
    [TestCase("1.5s", AttributeUnit.Milliseconds, 1500)]
    [TestCase("0", AttributeUnit.Milliseconds, 0)]
    [TestCase("500us", AttributeUnit.Microseconds, 500)]
    [TestCase("2ms", AttributeUnit.Microseconds, 2000)]
    [TestCase("500", AttributeUnit.KilobytesPerSecond, 500)]
    [TestCase("500KB/s", AttributeUnit.KilobytesPerSecond, 500)]
    [TestCase("2MB/s", AttributeUnit.KilobytesPerSecond, 2000)]
    [TestCase("8Mbit/s", AttributeUnit.KilobytesPerSecond, 1000)]
    [TestCase("1460", AttributeUnit.Bytes, 1460)]
    [TestCase("64KB", AttributeUnit.Bytes, 64000)]
    [TestCase("1MiB", AttributeUnit.Bytes, 1048576)]
    [TestCase("5%", AttributeUnit.Percent, 5)]
    [TestCase("12", AttributeUnit.Number, 12)]
    public void Parse_ValueWithUnit_ReturnsWireInteger(string text, AttributeUnit unit, long expected)
    {
        var (value, error) = UnitParser.Parse(text, unit);

        Assert.That(error, Is.Null);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("200", AttributeUnit.Milliseconds)]
    [TestCase("fast", AttributeUnit.Milliseconds)]
    [TestCase("5 apples", AttributeUnit.KilobytesPerSecond)]
    [TestCase("150%", AttributeUnit.Percent)]
    [TestCase("1.5", AttributeUnit.Bytes)]
    [TestCase("-3", AttributeUnit.Number)]
    public void Parse_WrongUnitOrShape_ExplainsWhatIsExpected(string text, AttributeUnit unit)
    {
        var (_, error) = UnitParser.Parse(text, unit);

        Assert.That(error, Is.Not.Null.And.Contains($"'{text}'"));
    }
}
