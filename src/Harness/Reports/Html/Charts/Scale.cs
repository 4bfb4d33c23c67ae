namespace Harness.Reports.Html.Charts;

/// <summary>A linear map from data to pixels, with a "nice" upper bound for axis labels.</summary>
internal readonly record struct Scale(double From, double To, double PixelFrom, double PixelTo)
{
    public double Map(double value) => To == From ? PixelFrom : PixelFrom + (value - From) / (To - From) * (PixelTo - PixelFrom);

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="value"/> (and at least 1).</summary>
    public static double NiceCeiling(double value)
    {
        if (!(value > 1))
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
        {
            if (step * power >= value)
                return step * power;
        }
        return 10 * power;
    }
}
