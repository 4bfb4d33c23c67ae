using System.Globalization;
using Harness.Bench.Shared;

namespace Harness.Packet.Bench;

/// <summary>
/// The <c>serve</c> child (WebSocket echo and bulk source), started behind an optional prefix such as
/// <c>ip netns exec NS</c>; it answers <c>ready WS-PORT BULK-PORT</c>. Disposing ends it (<see cref="ReadyChild"/>).
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly ReadyChild _child;

    private ServerProcess(ReadyChild child)
    {
        _child = child;
        WsPort = int.Parse(child.Fields[0], CultureInfo.InvariantCulture);
        BulkPort = int.Parse(child.Fields[1], CultureInfo.InvariantCulture);
    }

    public int WsPort { get; }

    public int BulkPort { get; }

    public static async Task<ServerProcess> StartAsync(IReadOnlyList<string> prefix, string address) =>
        new(await ReadyChild.StartAsync(prefix, ["serve", "--address", address], fields: 2, TimeSpan.FromSeconds(60)));

    public void Dispose() => _child.Dispose();
}
