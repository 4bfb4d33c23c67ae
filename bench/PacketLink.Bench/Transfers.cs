using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Harness.PacketLink.Bench;

/// <summary>One measured TCP transfer: bytes that arrived, over the time from the first byte sent to the last received.</summary>
internal readonly record struct Transfer(long Bytes, TimeSpan Elapsed, TimeSpan CpuTime)
{
    public double Mbps => Bytes * 8 / Elapsed.TotalSeconds / 1e6;

    /// <summary>CPU the bench process (client and, through the link, the forwarder) used, as % of one core.</summary>
    public double CpuPercent => 100 * CpuTime / Elapsed;

    /// <summary>That CPU per Gbit/s moved (% of a core): what a bit costs, whatever share of the cores the run got.</summary>
    public double CpuPerGbps => CpuPercent / (Mbps / 1000);
}

/// <summary>Bulk TCP over one connection, either way, for a fixed time.</summary>
internal static class Transfers
{
    /// <summary>This side sends for <paramref name="duration"/>; the server answers how many bytes it read.</summary>
    public static Transfer Upload(IPEndPoint server, TimeSpan duration)
    {
        using var socket = Connect(server);
        var buffer = new byte[SinkServer.BufferSize];
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        socket.Send("R\0\0\0\0"u8);
        while (clock.Elapsed < duration)
            socket.Send(buffer);
        socket.Shutdown(SocketShutdown.Send);
        var count = new byte[8];
        SinkServer.ReceiveExactly(socket, count);
        return new Transfer(BinaryPrimitives.ReadInt64LittleEndian(count), clock.Elapsed, CpuTime() - cpu);
    }

    /// <summary>The server sends for <paramref name="duration"/>; this side reads to the end.</summary>
    public static Transfer Download(IPEndPoint server, TimeSpan duration)
    {
        using var socket = Connect(server);
        var buffer = new byte[SinkServer.BufferSize];
        var command = new byte[5];
        command[0] = (byte)'S';
        BinaryPrimitives.WriteInt32LittleEndian(command.AsSpan(1), (int)duration.TotalMilliseconds);
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        socket.Send(command);
        long total = 0;
        int n;
        while ((n = socket.Receive(buffer)) > 0)
            total += n;
        return new Transfer(total, clock.Elapsed, CpuTime() - cpu);
    }

    private static Socket Connect(IPEndPoint server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(server);
        return socket;
    }

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
