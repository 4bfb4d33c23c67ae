using System.Globalization;

namespace Harness.Impairment.Server.Cli;

/// <summary>
/// toxiproxy-server's command line with Go's <c>flag</c> package rules: <c>-name value</c>, <c>-name=value</c> and
/// <c>--name</c> forms; booleans take no separate value (<c>-flag</c>, <c>-flag=false</c>); parsing stops at the first
/// non-flag argument or after <c>--</c>, and the rest is ignored; the last occurrence of a flag wins.
/// </summary>
internal static class GoFlagParser
{
    private static readonly string[] BoolFlags = ["proxy-metrics", "runtime-metrics", "version"];
    private static readonly string[] ValueFlags = ["host", "port", "config", "seed"];

    public static FlagParseResult Parse(IReadOnlyList<string> args)
    {
        var flags = new ServerFlags();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-')
                break;
            var dashes = arg[1] == '-' ? 2 : 1;
            if (dashes == 2 && arg.Length == 2)
                break;
            var body = arg[dashes..];
            if (body.Length == 0 || body[0] is '-' or '=')
                return FlagParseResult.Fail($"bad flag syntax: {arg}");

            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            string? value = equals < 0 ? null : body[(equals + 1)..];
            if (name is "h" or "help")
                return FlagParseResult.Help();

            if (BoolFlags.Contains(name))
            {
                if (!TryParseBool(value ?? "true", out var on))
                    return FlagParseResult.Fail($"invalid boolean value \"{value}\" for -{name}: parse error");
                flags = name switch
                {
                    "proxy-metrics" => flags with { ProxyMetrics = on },
                    "runtime-metrics" => flags with { RuntimeMetrics = on },
                    _ => flags with { Version = on },
                };
                continue;
            }
            if (!ValueFlags.Contains(name))
                return FlagParseResult.Fail($"flag provided but not defined: -{name}");
            if (value is null)
            {
                if (i + 1 >= args.Count)
                    return FlagParseResult.Fail($"flag needs an argument: -{name}");
                value = args[++i];
            }
            switch (name)
            {
                case "host":
                    flags = flags with { Host = value };
                    break;
                case "port":
                    flags = flags with { Port = value };
                    break;
                case "config":
                    flags = flags with { Config = value };
                    break;
                default:
                    if (!TryParseInt64(value, out var seed))
                        return FlagParseResult.Fail($"invalid value \"{value}\" for flag -{name}: parse error");
                    flags = flags with { Seed = seed };
                    break;
            }
        }
        return FlagParseResult.Ok(flags);
    }

    /// <summary>The usage text Go prints for an unknown flag or -h, flags in name order.</summary>
    public static string Usage(string program) =>
        $"Usage of {program}:\n"
        + "  -config string\n    \tJSON file containing proxies to create on startup\n"
        + "  -host string\n    \tHost for toxiproxy's API to listen on (default \"localhost\")\n"
        + "  -port string\n    \tPort for toxiproxy's API to listen on (default \"8474\")\n"
        + "  -proxy-metrics\n    \tenable metrics for proxy traffic\n"
        + "  -runtime-metrics\n    \tenable runtime-related metrics\n"
        + "  -seed int\n    \tSeed for randomizing toxics with (default: current time)\n"
        + "  -version\n    \tprint the version\n";

    // strconv.ParseBool
    private static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "true" or "TRUE" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "false" or "FALSE" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    // strconv.ParseInt(s, 0, 64): optional sign, then 0x / 0o / 0b / leading-0 octal prefixes or decimal.
    private static bool TryParseInt64(string text, out long value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('+', '-');
        if (digits.Length == 0 || text.Length - digits.Length > 1)
            return false;
        var (radix, rest) =
            digits.Length > 1 && digits[0] == '0'
                ? char.ToLowerInvariant(digits[1]) switch
                {
                    'x' => (16, digits[2..]),
                    'o' => (8, digits[2..]),
                    'b' => (2, digits[2..]),
                    _ => (8, digits[1..]),
                }
                : (10, digits);
        if (radix != 10)
            rest = rest.Replace("_", "", StringComparison.Ordinal);
        if (rest.Length == 0)
            return false;
        try
        {
            var magnitude =
                radix == 10 ? ulong.Parse(rest, NumberStyles.None, CultureInfo.InvariantCulture) : Convert.ToUInt64(rest, radix);
            if (negative ? magnitude > (ulong)long.MaxValue + 1 : magnitude > long.MaxValue)
                return false;
            value = negative ? (long)(0 - magnitude) : (long)magnitude;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }
}
