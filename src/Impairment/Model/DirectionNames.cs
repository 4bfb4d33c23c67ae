namespace Harness.Impairment.Model;

/// <summary>Toxiproxy's wire words for <see cref="Direction"/>; parsing is case-insensitive as in the real server.</summary>
public static class DirectionNames
{
    public const string Upstream = "upstream";
    public const string Downstream = "downstream";

    public static bool TryParse(string? value, out Direction direction)
    {
        if (string.Equals(value, Upstream, StringComparison.OrdinalIgnoreCase))
        {
            direction = Direction.Upstream;
            return true;
        }

        direction = Direction.Downstream;
        return string.Equals(value, Downstream, StringComparison.OrdinalIgnoreCase);
    }

    public static string ToWire(this Direction direction) => direction == Direction.Upstream ? Upstream : Downstream;
}
