using System.Diagnostics;
using Harness.Impairment.Packet.Namespaces;

namespace Impairment.Packet.Tests.Namespaces;

[NonParallelizable]
public sealed class PacketNetworkCleanupTests
{
    private const string StateDirectory = "/run/harness-packet";

    [Test]
    public void Dispose_RemovesNamespaceDevicesAndOwnerFile()
    {
        RootOnly.Require();
        var network = PacketNetwork.Create(new PacketNetworkOptions());
        var names = network.Names;
        var during = (RootOnly.NamespaceExists(names.Namespace), RootOnly.LinkExists(names.HostDevice), OwnerFileExists(names));

        network.Dispose();

        Assert.That(during, Is.EqualTo((true, true, true)));
        Assert.That(
            (RootOnly.NamespaceExists(names.Namespace), RootOnly.LinkExists(names.HostDevice), OwnerFileExists(names)),
            Is.EqualTo((false, false, false))
        );
    }

    [Test]
    public void NextRun_SweepsNamespaceOfDeadOwner_KeepsLiveOnes()
    {
        RootOnly.Require();
        var dead = new PacketNames("dead01");
        RootOnly.Ip("netns", "add", dead.Namespace);
        File.WriteAllText(Path.Combine(StateDirectory, dead.OwnerFile), $"{ExitedProcessId()} 12345");
        using var live = PacketNetwork.Create(new PacketNetworkOptions());

        using var next = PacketNetwork.Create(new PacketNetworkOptions());

        Assert.That((RootOnly.NamespaceExists(dead.Namespace), OwnerFileExists(dead)), Is.EqualTo((false, false)));
        Assert.That(RootOnly.NamespaceExists(live.Names.Namespace), Is.True);
    }

    [Test]
    public void Sweep_NamespaceWithoutOwnerFile_Removed_OthersNamespacesUntouched()
    {
        RootOnly.Require();
        var orphan = new PacketNames("0bad02");
        RootOnly.Ip("netns", "add", orphan.Namespace);
        RootOnly.Ip("netns", "add", "not-ours-hp");
        try
        {
            var removed = LeftoverSweep.Run(StateDirectory);

            Assert.That(removed, Does.Contain(orphan.Namespace).And.Not.Contain("not-ours-hp"));
            Assert.That((RootOnly.NamespaceExists(orphan.Namespace), RootOnly.NamespaceExists("not-ours-hp")), Is.EqualTo((false, true)));
        }
        finally
        {
            RootOnly.Ip("netns", "delete", "not-ours-hp");
            RootOnly.Ip("netns", "delete", orphan.Namespace);
        }
    }

    [Test]
    public void Create_WithoutPrivileges_ThrowsNamingTheStreamAlternative_AndCreatesNothing()
    {
        var before = Directory.Exists("/run/netns") ? Directory.GetFiles("/run/netns").Length : 0;
        var options = new PacketNetworkOptions { CheckPrivileges = () => "packet mode needs root; use the `loss` toxic" };

        var error = Assert.Throws<PacketModeUnavailableException>(() => PacketNetwork.Create(options));

        Assert.That(error!.Message, Does.Contain("`loss`"));
        Assert.That(Directory.Exists("/run/netns") ? Directory.GetFiles("/run/netns").Length : 0, Is.EqualTo(before));
    }

    private static bool OwnerFileExists(PacketNames names) => File.Exists(Path.Combine(StateDirectory, names.OwnerFile));

    private static int ExitedProcessId()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
