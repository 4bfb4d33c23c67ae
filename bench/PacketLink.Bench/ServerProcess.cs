using System.Globalization;
using System.Net;
using Harness.Bench.Shared;

namespace Harness.PacketLink.Bench;

/// <summary>
/// A <see cref="SinkServer"/> child, started through a prefix (e.g. <c>ip netns exec NS</c>) or directly; it answers
/// <c>ready TCP-PORT UDP-PORT</c>. Disposing ends it (<see cref="ReadyChild"/>).
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly ReadyChild _child;

    private ServerProcess(ReadyChild child, IPAddress address)
    {
        _child = child;
        Tcp = new IPEndPoint(address, int.Parse(child.Fields[0], CultureInfo.InvariantCulture));
        Udp = new IPEndPoint(address, int.Parse(child.Fields[1], CultureInfo.InvariantCulture));
    }

    public IPEndPoint Tcp { get; }

    public IPEndPoint Udp { get; }

    public static ServerProcess Start(IReadOnlyList<string> prefix, IPAddress address)
    {
        var child = ReadyChild
            .StartAsync(prefix, ["serve", address.ToString()], fields: 2, TimeSpan.FromSeconds(30))
            .GetAwaiter()
            .GetResult();
        return new ServerProcess(child, address);
    }

    public void Dispose() => _child.Dispose();
}
