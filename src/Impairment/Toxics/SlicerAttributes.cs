namespace Harness.Impairment.Toxics;

/// <summary>
/// Wire: <c>average_size</c> and <c>size_variation</c> in bytes, <c>delay</c> in microseconds (not milliseconds:
/// Toxiproxy's one exception). A variation above the average is clamped to it when slicing; the echo keeps the
/// value as sent.
/// </summary>
internal sealed record SlicerAttributes(int AverageSize, int SizeVariation, TimeSpan Delay)
{
    public static readonly ToxicSchema Schema = new("slicer", "SlicerToxic", ["average_size", "size_variation", "delay"]);

    // Chunks are at most 32 KiB, so anything larger behaves the same; the clamp keeps the arithmetic in int.
    private const long MaxSize = 1 << 20;

    public static SlicerAttributes From(WireAttributes wire)
    {
        var average = (int)Math.Clamp(wire["average_size"], 1, MaxSize);
        var variation = (int)Math.Clamp(wire["size_variation"], 0, average);
        return new(average, variation, WireTime.Microseconds(wire["delay"]));
    }

    // Toxiproxy recurses forever on average_size 0 and panics on a negative variation (rand.Intn); we answer 400.
    public static string? Validate(WireAttributes wire) =>
        AttributeRules.First(
            AttributeRules.AtLeast(wire, "slicer", "average_size", 1, "0 would slice forever"),
            AttributeRules.AtLeast(wire, "slicer", "size_variation", 0)
        );
}
