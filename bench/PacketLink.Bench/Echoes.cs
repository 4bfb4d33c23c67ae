using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Harness.PacketLink.Bench;

/// <summary>64-byte UDP echoes one after another: round-trip times in microseconds, sorted, and how many got no answer.</summary>
internal static class Echoes
{
    public static (double[] Micros, int Lost) Measure(IPEndPoint server, int count)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 1000 };
        socket.Connect(server);
        var request = new byte[64];
        var reply = new byte[2048];
        var micros = new List<double>(count);
        var lost = 0;
        for (var i = 0; i < count; i++)
        {
            BitConverter.TryWriteBytes(request, i);
            var started = Stopwatch.GetTimestamp();
            socket.Send(request);
            if (!Answered(socket, reply, i))
                lost++;
            else
                micros.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        micros.Sort();
        return (micros.ToArray(), lost);
    }

    /// <summary>Waits for the echo of request <paramref name="id"/>, skipping late answers to earlier ones.</summary>
    private static bool Answered(Socket socket, byte[] reply, int id)
    {
        while (true)
        {
            try
            {
                var n = socket.Receive(reply);
                if (n >= 4 && BitConverter.ToInt32(reply, 0) == id)
                    return true;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                return false;
            }
        }
    }
}
