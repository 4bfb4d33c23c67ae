using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Harness.PacketLink.Bench;

/// <summary>
/// The child on the far side: a TCP server that sinks ('R': reads to the end, answers the byte count) or
/// sources ('S' + milliseconds: sends for that long) and a UDP echo. Prints "ready TCP UDP" (ports) when
/// listening and exits when its standard input closes, so it dies with the bench even after SIGKILL.
/// </summary>
internal static class SinkServer
{
    public const int BufferSize = 256 * 1024;

    public static int Run(string[] args)
    {
        var address = IPAddress.Parse(args.Single());
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, 0));
        listener.Listen();
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(address, 0));
        Start("accept", () => Accept(listener));
        Start("echo", () => Echo(udp));
        var tcpPort = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var udpPort = ((IPEndPoint)udp.LocalEndPoint!).Port;
        Console.Out.WriteLine($"ready {tcpPort} {udpPort}");
        Console.Out.Flush();
        while (Console.In.ReadLine() is not null)
        {
            // Keep serving until the bench closes our standard input.
        }
        return 0;
    }

    private static void Start(string name, Action loop) => new Thread(() => Swallow(loop)) { IsBackground = true, Name = name }.Start();

    private static void Swallow(Action loop)
    {
        try
        {
            loop();
        }
        catch (SocketException)
        {
            // The bench went away mid-transfer; nothing to report from here.
        }
    }

    private static void Accept(Socket listener)
    {
        while (true)
        {
            var connection = listener.Accept();
            Start("conn", () => Serve(connection));
        }
    }

    private static void Serve(Socket connection)
    {
        using var _ = connection;
        var command = new byte[5];
        ReceiveExactly(connection, command);
        var buffer = new byte[BufferSize];
        if (command[0] == (byte)'R')
        {
            long total = 0;
            int n;
            while ((n = connection.Receive(buffer)) > 0)
                total += n;
            var count = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(count, total);
            connection.Send(count);
            return;
        }
        var until = Environment.TickCount64 + BinaryPrimitives.ReadInt32LittleEndian(command.AsSpan(1));
        while (Environment.TickCount64 < until)
            connection.Send(buffer);
        connection.Shutdown(SocketShutdown.Send);
        while (connection.Receive(buffer) > 0)
        {
            // Wait for the client's close so the last bytes are not reset away.
        }
    }

    private static void Echo(Socket udp)
    {
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            var n = udp.ReceiveFrom(buffer, ref from);
            udp.SendTo(buffer.AsSpan(0, n), SocketFlags.None, from);
        }
    }

    public static void ReceiveExactly(Socket socket, Span<byte> into)
    {
        while (into.Length > 0)
        {
            var n = socket.Receive(into);
            if (n == 0)
                throw new SocketException((int)SocketError.ConnectionReset);
            into = into[n..];
        }
    }
}
