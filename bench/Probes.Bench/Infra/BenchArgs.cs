using System.Globalization;

namespace Harness.Probes.Bench.Infra;

/// <summary><c>--name value</c> options after the subcommand.</summary>
internal sealed class BenchArgs(string[] args)
{
    public int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? Value(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
