using System.Diagnostics;

namespace Harness.Probes.Bench.Infra;

/// <summary>A process this bench started; disposing kills it (and only it) by its own handle.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public StreamReader Output => _process.StandardOutput;

    public static ChildProcess Start(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}"));
    }

    /// <summary>Reads stdout until a line starts with <paramref name="prefix"/>; returns the rest of that line.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await _process.StandardOutput.ReadLineAsync(cts.Token).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                return line[prefix.Length..];
        }
        throw new InvalidOperationException($"process {_process.Id} exited before printing '{prefix}'");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
