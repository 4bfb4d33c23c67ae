using System.Diagnostics;
using System.Text;
using Harness.TestSupport;

namespace EndToEnd.Tests;

/// <summary>The real CLI, run through the repository's ./harness wrapper exactly as a user runs it.</summary>
internal sealed class HarnessProcess : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(6);
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();
    private readonly List<(string Needle, TaskCompletionSource Seen)> _waiters = [];

    private HarnessProcess(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, bool stdin = false)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.RedirectStandardInput = stdin;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "harness"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static HarnessProcess Start(params string[] args) => new(args);

    /// <summary>With extra environment variables and, when <paramref name="stdin"/>, a pipe to write to (<see cref="Input"/>).</summary>
    public static HarnessProcess Start(IReadOnlyDictionary<string, string> environment, bool stdin, params string[] args) =>
        new(args, environment, stdin);

    /// <summary>The process's stdin, when started with one.</summary>
    public StreamWriter Input => _process.StandardInput;

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var code = await process.WaitForExitAsync();
        return (code, process.Stdout, process.Stderr);
    }

    public string Stdout
    {
        get
        {
            lock (_gate)
                return _stdout.ToString();
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
                return _stderr.ToString();
        }
    }

    public int Id => _process.Id;

    /// <summary>Completes when a line containing <paramref name="needle"/> appears on either stream.</summary>
    public Task WaitForOutputAsync(string needle)
    {
        lock (_gate)
        {
            if (
                _stdout.ToString().Contains(needle, StringComparison.Ordinal)
                || _stderr.ToString().Contains(needle, StringComparison.Ordinal)
            )
                return Task.CompletedTask;
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((needle, seen));
            return seen.Task.WaitAsync(Bound);
        }
    }

    public async Task<int> WaitForExitAsync()
    {
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"harness did not finish within {Bound}; stderr:\n{Stderr}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            target.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Needle, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
