using System.Diagnostics;

namespace Harness.Bench.Shared;

/// <summary>
/// A child copy of the running benchmark (its <c>serve</c> command), started behind an optional prefix such as
/// <c>ip netns exec NS</c>. It announces itself with one line <c>ready FIELD...</c> on standard output; its standard
/// input is its tether: disposing closes it, then kills the child if it lingers.
/// </summary>
internal sealed class ReadyChild : IDisposable
{
    private readonly Process _process;

    private ReadyChild(Process process, IReadOnlyList<string> fields)
    {
        _process = process;
        Fields = fields;
    }

    /// <summary>What followed <c>ready</c> on the child's first line (its ports, for example).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Starts the child and waits up to <paramref name="readyWithin"/> for its ready line with <paramref name="fields"/> fields.</summary>
    public static async Task<ReadyChild> StartAsync(
        IReadOnlyList<string> prefix,
        IReadOnlyList<string> arguments,
        int fields,
        TimeSpan readyWithin
    )
    {
        string[] command = [.. prefix, .. SelfCommand(), .. arguments];
        var info = new ProcessStartInfo(command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var argument in command[1..])
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {string.Join(' ', command)}");
        try
        {
            using var timeout = new CancellationTokenSource(readyWithin);
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            var parts = line?.Split(' ') ?? [];
            if (parts.Length != fields + 1 || parts[0] != "ready")
                throw new InvalidOperationException($"child ({string.Join(' ', command)}) said '{line}' instead of ready");
            return new ReadyChild(process, parts[1..]);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        using (process)
        {
            try
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                    process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>How to start this same program again: the apphost, or <c>dotnet</c> and this assembly.</summary>
    private static string[] SelfCommand()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, typeof(ReadyChild).Assembly.Location] : [host];
    }
}
