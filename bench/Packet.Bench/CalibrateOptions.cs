using System.Globalization;

namespace Harness.Packet.Bench;

/// <summary>One calibration cell: loss % each direction and round-trip time (half each way, no jitter).</summary>
internal sealed record Cell(int LossPercent, int RttMs)
{
    /// <summary>Mathis et al.: MSS / RTT · 1.22 / √p, in Mbit/s, MSS 1460 bytes.</summary>
    public double MathisMbps => 1460 * 8 / (RttMs / 1000.0) * 1.22 / Math.Sqrt(LossPercent / 100.0) / 1e6;

    public override string ToString() => $"{LossPercent} % loss, {RttMs} ms RTT";
}

internal sealed record CalibrateOptions
{
    public static readonly IReadOnlyList<Cell> AllCells = [new(1, 20), new(1, 100), new(5, 20), new(5, 100)];

    public int EchoSeconds { get; init; } = 30;

    public int BulkSeconds { get; init; } = 10;

    public int Seed { get; init; } = 1;

    public IReadOnlyList<Cell> Cells { get; init; } = AllCells;

    public bool Packet { get; init; } = true;

    public bool Stream { get; init; } = true;

    /// <summary>Also the stream model without <c>rtt</c> (every loss stalls rto), the model before calibration.</summary>
    public bool Legacy { get; init; }

    /// <summary>The namespace's TCP congestion control (the bulk sender's); null keeps what the namespace inherits.</summary>
    public string? CongestionControl { get; init; }

    public static CalibrateOptions Parse(string[] args)
    {
        var options = new CalibrateOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                throw new UsageException($"{args[i]} needs a value");
            var value = args[i + 1];
            options = args[i] switch
            {
                "--echo-seconds" => options with { EchoSeconds = Positive(args[i], value) },
                "--bulk-seconds" => options with { BulkSeconds = Positive(args[i], value) },
                "--cc" => options with { CongestionControl = Congestion(value) },
                "--seed" => options with { Seed = Number(args[i], value) },
                "--cells" => options with { Cells = value.Split(',').Select(ParseCell).ToArray() },
                "--modes" => options with
                {
                    Packet = Modes(value).Contains("packet"),
                    Stream = Modes(value).Contains("stream"),
                    Legacy = Modes(value).Contains("legacy"),
                },
                _ => throw new UsageException($"unknown option '{args[i]}'"),
            };
        }
        return options;
    }

    private static string Congestion(string value)
    {
        // A namespace other than the first may only pick from the allowed list (sysctl net.ipv4.tcp_allowed_congestion_control).
        var allowed = File.ReadAllText("/proc/sys/net/ipv4/tcp_allowed_congestion_control").Split(' ', StringSplitOptions.TrimEntries);
        return allowed.Contains(value)
            ? value
            : throw new UsageException($"--cc: '{value}' is not allowed in a namespace here ({string.Join(", ", allowed)})");
    }

    private static string[] Modes(string value)
    {
        var modes = value.Split(',');
        if (modes.Length == 0 || modes.Any(m => m is not ("packet" or "stream" or "legacy")))
        {
            throw new UsageException($"--modes takes a list of packet, stream, legacy, not '{value}'");
        }
        return modes;
    }

    private static Cell ParseCell(string text)
    {
        var parts = text.Split('x');
        if (parts.Length != 2)
            throw new UsageException($"--cells: '{text}' is not LOSSxRTT (e.g. 5x100: 5 % loss, 100 ms RTT)");
        var loss = Number("--cells loss", parts[0]);
        if (loss is < 1 or > 50)
            throw new UsageException($"--cells: loss {loss} % is outside 1..50");
        return new Cell(loss, Positive("--cells RTT", parts[1]));
    }

    private static int Positive(string name, string value)
    {
        var number = Number(name, value);
        return number > 0 ? number : throw new UsageException($"{name} must be above 0, not {value}");
    }

    private static int Number(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"{name} takes a whole number, not '{value}'");
}
