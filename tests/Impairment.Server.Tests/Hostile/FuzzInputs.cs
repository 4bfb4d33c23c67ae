using System.Text;

namespace Impairment.Server.Tests.Hostile;

/// <summary>Hostile request material for the API fuzz suite, all drawn from one seeded <see cref="Random"/>.</summary>
internal sealed class FuzzInputs(Random random)
{
    /// <summary>Every toxic type and its attributes, TCP then UDP (docs/toxics.md, docs/udp.md).</summary>
    public static readonly (string Type, string[] Attributes)[] TcpToxics =
    [
        ("noop", []),
        ("latency", ["latency", "jitter", "distribution"]),
        ("bandwidth", ["rate"]),
        ("slow_close", ["delay"]),
        ("timeout", ["timeout"]),
        ("reset_peer", ["timeout"]),
        ("slicer", ["average_size", "size_variation", "delay"]),
        ("limit_data", ["bytes"]),
        ("loss", ["probability", "segment_size", "rto", "p_good_to_bad", "p_bad_to_good", "loss_bad", "probability_ppm", "rtt"]),
        ("refuse", ["rst"]),
        ("hang", []),
        ("slow_open", ["delay"]),
        ("cut_after", ["after", "rst"]),
    ];

    public static readonly (string Type, string[] Attributes)[] UdpToxics =
    [
        ("noop", []),
        ("latency", ["latency", "jitter"]),
        ("bandwidth", ["rate"]),
        ("loss", ["percent", "burst_enter", "burst_exit", "burst_percent", "probability_ppm"]),
        ("duplicate", ["percent"]),
        ("reorder", ["percent", "delay"]),
    ];

    /// <summary>Numbers (and non-numbers) for every attribute: edges of int32, int64, float, and wrong kinds.</summary>
    public static readonly string[] Numbers =
    [
        "0",
        "1",
        "-1",
        "2",
        "100",
        "2147483647",
        "2147483648",
        "-2147483649",
        "4294967296",
        "9007199254740993",
        "92233720368547759",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "-9223372036854775809",
        "1e400",
        "-1e400",
        "1e18",
        "1.5",
        "-0",
        "0.0",
        "1E2",
        "null",
        "\"5\"",
        "true",
        "[]",
        "{}",
    ];

    private static readonly string[] NamePieces =
    [
        "a",
        "Z",
        "0",
        "-",
        "_",
        ".",
        "..",
        "/",
        "%",
        "%2F",
        "%25",
        "?",
        "#",
        "&",
        "+",
        " ",
        "\\",
        ":",
        ";",
        "=",
        "'",
        "\"",
        "<",
        ">",
        "é",
        "東京",
        "😀",
        "\u200b",
        "\u0000",
        "\n",
        "\t",
        "\u007f",
        "\u0085",
        "\ufffd",
        "{",
        "}",
        "[",
        "]",
        "~",
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public int Next(int max) => random.Next(max);

    /// <summary>A name made of hostile pieces, sometimes far beyond the length limit.</summary>
    public string Name()
    {
        var length = random.Next(10) == 0 ? random.Next(200, 2000) : random.Next(1, 12);
        var name = new StringBuilder();
        while (name.Length < length)
            name.Append(Pick(NamePieces));
        return name.ToString();
    }

    /// <summary>A valid body mangled: cut short, a byte flipped or inserted (often not UTF-8), or a piece repeated.</summary>
    public byte[] Mangle(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        var at = random.Next(bytes.Count + 1);
        switch (random.Next(5))
        {
            case 0:
                return [.. bytes.Take(at)];
            case 1 when bytes.Count > 0:
                bytes[Math.Min(at, bytes.Count - 1)] = (byte)random.Next(256);
                break;
            case 2:
                bytes.Insert(at, (byte)random.Next(0x80, 0x100));
                break;
            case 3:
                bytes.InsertRange(
                    at,
                    Encoding.UTF8.GetBytes(Pick(["\\ud800", "\\udc00", "\\u0000", "\\", "\"", "{", "]", "1e400", "ffffffffffffffffff"]))
                );
                break;
            default:
                bytes.InsertRange(at, bytes.Take(random.Next(bytes.Count + 1)).ToList());
                break;
        }
        return [.. bytes];
    }
}
