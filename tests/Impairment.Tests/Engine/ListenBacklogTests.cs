using System.Diagnostics;
using Harness.Impairment.Control;
using Harness.Impairment.Model;

namespace Impairment.Tests.Engine;

/// <summary>
/// The proxy's listen queue is Toxiproxy's (Go's: the kernel's somaxconn, 4,096 here), so a burst of connects is
/// queued rather than dropped. `ss -ltn` shows a listening socket's backlog in its Send-Q column.
/// </summary>
public class ListenBacklogTests
{
    [Test]
    public async Task Listener_Backlog_Is4096OrTheKernelCap()
    {
        if (!File.Exists("/usr/bin/ss") && !File.Exists("/bin/ss"))
            Assert.Ignore("ss not installed: apt-get install iproute2");
        await using var engine = new ImpairmentEngine();
        var listen = engine.CreateProxy(new ProxySpec("p", "127.0.0.1:1", "127.0.0.1:0")).Value!.Listen;
        var port = listen[(listen.LastIndexOf(':') + 1)..];
        var somaxconn = int.Parse(
            File.ReadAllText("/proc/sys/net/core/somaxconn").Trim(),
            System.Globalization.CultureInfo.InvariantCulture
        );

        var backlog = await BacklogAsync(port);

        Assert.That(backlog, Is.EqualTo(Math.Min(4096, somaxconn)));
    }

    private static async Task<int> BacklogAsync(string port)
    {
        var start = new ProcessStartInfo("ss", ["-ltnH", $"sport = :{port}"]) { RedirectStandardOutput = true };
        using var ss = Process.Start(start)!;
        var output = await ss.StandardOutput.ReadToEndAsync();
        await ss.WaitForExitAsync();
        // State Recv-Q Send-Q Local Peer: LISTEN 0 4096 127.0.0.1:port 0.0.0.0:*
        var fields = output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(fields, Has.Length.GreaterThan(3), $"ss said: {output}");
        return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}
