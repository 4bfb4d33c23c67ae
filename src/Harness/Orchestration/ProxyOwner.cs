using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Harness.Orchestration;

/// <summary>
/// The process that created a proxy on a shared Toxiproxy, written into the proxy's name (<see cref="Segment"/>) so a
/// later run on the same host can tell a dead owner (its proxies go at once) from a live one (they stay).
/// </summary>
/// <param name="Host">
/// The host name (letters, digits and <c>_</c>, at most 32) and 8 hex digits of this boot and PID namespace: two
/// containers sharing a host name see different PIDs, so they count as different hosts.
/// </param>
/// <param name="ProcessId">The harness process that created the proxy.</param>
internal sealed partial record ProxyOwner(string Host, int ProcessId)
{
    public static ProxyOwner Current { get; } = new(CurrentHost(), Environment.ProcessId);

    /// <summary><c>&lt;host&gt;-&lt;pid&gt;</c>: neither part holds a dash or a slash, so a name parses back.</summary>
    public string Segment => string.Create(CultureInfo.InvariantCulture, $"{Host}-{ProcessId}");

    public static bool TryParse(string host, string pid, out ProxyOwner? owner)
    {
        owner =
            HostPattern().IsMatch(host) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? new ProxyOwner(host, id)
                : null;
        return owner is not null;
    }

    /// <summary>
    /// Whether the owner of a run started at <paramref name="runStartedAt"/> still runs on this host: its PID is alive and
    /// that process started before the run did (a later start is another process that was given the same PID).
    /// When the start time cannot be read the process counts as alive: keeping a dead run's proxy is the safe mistake.
    /// </summary>
    public static bool IsRunning(int processId, DateTimeOffset runStartedAt)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return false;
        }
        using (process)
        {
            try
            {
                if (process.HasExited)
                    return false;
                // The run's time is whole seconds, rounded down.
                return new DateTimeOffset(process.StartTime) < runStartedAt.AddSeconds(1);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                return true;
            }
        }
    }

    private static string CurrentHost()
    {
        var name = new string(Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(32).ToArray());
        var identity = $"{name}|{ReadOrEmpty("/proc/sys/kernel/random/boot_id")}|{LinkOrEmpty("/proc/self/ns/pid")}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..8];
        return $"{(name.Length == 0 ? "host" : name)}.{hash}";
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string LinkOrEmpty(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,32}\\.[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();
}
