using Microsoft.Extensions.Configuration;

namespace LiveRoom.Options;

/// <summary>Turns configuration into validated options; every failure becomes one <see cref="LiveRoomOptionsException"/>.</summary>
internal static class LiveRoomOptionsLoader
{
    public static LiveRoomOptions Load(IConfiguration configuration, Func<LiveRoomOptions, LiveRoomOptions>? configure)
    {
        LiveRoomOptions options;
        try
        {
            // Unknown keys are errors so a typo such as FrameRat=50 does not silently run with defaults.
            options = configuration.GetSection(LiveRoomOptions.SectionName).Get<LiveRoomOptions>(b => b.ErrorOnUnknownConfiguration = true)
                ?? new LiveRoomOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new LiveRoomOptionsException(OneLine(ex));
        }

        options = configure?.Invoke(options) ?? options;
        var errors = LiveRoomOptionsValidator.Validate(options);
        return errors.Count == 0 ? options : throw new LiveRoomOptionsException(string.Join("; ", errors));
    }

    // The binder nests the useful part (which key, which value) in inner exceptions.
    private static string OneLine(Exception ex)
    {
        var parts = new List<string>();
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
            parts.Add(e.Message.ReplaceLineEndings(" ").Trim());
        return "invalid configuration: " + string.Join(" ", parts.Distinct(StringComparer.Ordinal));
    }
}
