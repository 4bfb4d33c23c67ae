using System.Diagnostics;
using System.Globalization;

namespace Harness.Orchestration;

/// <summary>
/// Ties a launched service to the harness so that it dies with it, even when the harness is killed with SIGKILL and
/// cannot stop anything: on Linux the service runs in its own session (process group, via util-linux <c>setsid</c>),
/// beside a watchdog shell that kills that whole group (the service and every child it started) as soon as the
/// harness's end of the service's stdin pipe closes. The kernel closes it when the harness process dies, however it
/// dies; no thread, timer or PID poll is involved (a parent-death signal would fire when the forking thread exits).
/// </summary>
internal static class ServiceTether
{
    /// <summary>
    /// Run by <c>sh -c</c> in the new session, the service's command as its arguments: fd 3 keeps the stdin pipe for the
    /// watchdog (the harness never writes to it, so <c>read</c> returns only at end of file); the watchdog ignores the
    /// signals a service may send its group and writes nowhere, so it never holds the service's output open;
    /// <c>exec</c> keeps the service's PID equal to the group's id, which <see cref="KillGroupAsync"/> relies on.
    /// </summary>
    private const string Script =
        "exec 3<&0; (trap '' INT TERM HUP; read -r _ <&3; kill -9 0) </dev/null >/dev/null 2>&1 & exec \"$@\" 3<&-";

    private static readonly Lazy<string?> SetsidPath = new(() => OperatingSystem.IsLinux() ? OnPath("setsid") : null);

    /// <summary>Whether services can be tied; when not, they may outlive a killed harness (the caller warns).</summary>
    public static bool Available => SetsidPath.Value is not null;

    /// <summary>Rewrites <paramref name="info"/> to run <paramref name="executable"/> with its arguments under the tether.</summary>
    public static void Apply(ProcessStartInfo info, string executable)
    {
        var arguments = info.ArgumentList.ToList();
        info.FileName = SetsidPath.Value!;
        info.ArgumentList.Clear();
        foreach (var arg in new[] { "sh", "-c", Script, "harness-service", executable }.Concat(arguments))
            info.ArgumentList.Add(arg);
    }

    /// <summary>
    /// Resolves a command as <see cref="Process.Start(ProcessStartInfo)"/> does on Unix (a rooted path as it is; otherwise
    /// the .NET host's folder, the harness's current directory, then PATH), so a tethered command starts what an
    /// untethered one would; null when none exists.
    /// </summary>
    public static string? Resolve(string command)
    {
        if (Path.IsPathRooted(command))
            return File.Exists(command) ? command : null;
        var hostDirectory = Path.GetDirectoryName(Environment.ProcessPath);
        foreach (var candidate in new[] { hostDirectory, Directory.GetCurrentDirectory() })
        {
            if (candidate is not null && File.Exists(Path.Combine(candidate, command)))
                return Path.Combine(candidate, command);
        }
        return command.Contains('/', StringComparison.Ordinal) ? null : OnPath(command);
    }

    /// <summary>SIGKILL to the service's whole group: its leftovers and the watchdog (which keeps the group id from reuse).</summary>
    public static async Task KillGroupAsync(int processId)
    {
        var group = "-" + processId.ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start(
            new ProcessStartInfo("kill", ["-KILL", "--", group]) { UseShellExecute = false, RedirectStandardError = true }
        );
        if (kill is null)
            return;
        await kill.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await kill.WaitForExitAsync().ConfigureAwait(false);
    }

    private const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static string? OnPath(string name)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & Executable) != 0)
                return candidate;
        }
        return null;
    }
}
