using System.Diagnostics;

namespace Harness.Impairment.Packet.Namespaces;

/// <summary>Runs iproute2's <c>ip</c>; a failure becomes an exception quoting the command and its error.</summary>
internal static class IpTool
{
    public static string Run(params string[] arguments)
    {
        var (code, output, error) = TryRun(arguments);
        if (code != 0)
            throw new PacketNetworkException($"'ip {string.Join(' ', arguments)}' failed ({code}): {error.Trim()}");
        return output;
    }

    public static (int Code, string Output, string Error) TryRun(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new PacketNetworkException("cannot start 'ip'");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}
