namespace Harness.Testing;

/// <summary>
/// How <see cref="ImpairedProxy.FlapAsync"/> takes a proxy down and up: down for <see cref="Down"/> in every <see cref="Period"/>.
/// </summary>
public sealed class FlapOptions
{
    /// <summary>One down-and-up cycle. Required, greater than <see cref="Down"/>.</summary>
    public TimeSpan Period { get; set; }

    /// <summary>How long the proxy is down in each cycle. Required, greater than zero.</summary>
    public TimeSpan Down { get; set; }

    /// <summary>How long to keep flapping; the proxy is up again afterwards. Required.</summary>
    public TimeSpan Duration { get; set; }

    internal void Validate()
    {
        if (Down <= TimeSpan.Zero)
            throw new ArgumentException("FlapOptions.Down must be greater than zero", nameof(Down));
        if (Period <= Down)
            throw new ArgumentException("FlapOptions.Period must be longer than Down", nameof(Period));
        if (Duration <= TimeSpan.Zero)
            throw new ArgumentException("FlapOptions.Duration must be greater than zero", nameof(Duration));
    }
}
