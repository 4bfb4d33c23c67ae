using System.Runtime.InteropServices;
using System.Text;

namespace Harness.Impairment.Packet.Forwarding;

/// <summary>
/// A TUN device (raw IP packets, no packet-information header) created by this process. It is not
/// persistent: the kernel removes it when the descriptor closes, also when the process is killed.
/// The device may be moved to another network namespace; the descriptor keeps working.
/// </summary>
internal sealed unsafe class TunDevice : IDisposable
{
    private const nuint SetInterface = 0x400454ca;
    private const short Tun = 0x0001;
    private const short NoPacketInformation = 0x1000;
    private const int InterfaceRequestSize = 40;
    private int _fd;

    private TunDevice(string name, int fd)
    {
        Name = name;
        _fd = fd;
    }

    public string Name { get; }

    public static TunDevice Create(string name)
    {
        if (Encoding.ASCII.GetByteCount(name) > 15)
            throw new ArgumentException($"interface name '{name}' is longer than 15 characters");
        var fd = Native.Open("/dev/net/tun", Native.ReadWrite | Native.NonBlocking | Native.CloseOnExec);
        if (fd < 0)
            throw Error("open /dev/net/tun");
        var request = stackalloc byte[InterfaceRequestSize];
        new Span<byte>(request, InterfaceRequestSize).Clear();
        Encoding.ASCII.GetBytes(name, new Span<byte>(request, 16));
        *(short*)(request + 16) = Tun | NoPacketInformation;
        if (Native.Ioctl(fd, SetInterface, request) < 0)
        {
            var error = Error($"create TUN device {name}");
            Native.Close(fd);
            throw error;
        }
        return new TunDevice(name, fd);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a packet; false when none came.</summary>
    public bool WaitReadable(TimeSpan timeout)
    {
        var poll = new Native.PollFd { Fd = _fd, Events = Native.PollIn };
        var ready = Native.Poll(&poll, 1, (int)Math.Ceiling(timeout.TotalMilliseconds));
        return ready > 0 && (poll.Revents & Native.PollIn) != 0;
    }

    /// <summary>Reads one packet into <paramref name="buffer"/>; 0 when none is waiting.</summary>
    public int Read(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            var n = Native.Read(_fd, p, (nuint)buffer.Length);
            if (n >= 0)
                return (int)n;
            var errno = Marshal.GetLastPInvokeError();
            if (errno is Native.TryAgain or Native.Interrupted)
                return 0;
            throw Error($"read {Name}");
        }
    }

    /// <summary>Writes one packet; false when the kernel refused it (the packet is lost, as on a wire).</summary>
    public bool Write(ReadOnlySpan<byte> packet)
    {
        fixed (byte* p = packet)
        {
            return Native.Write(_fd, p, (nuint)packet.Length) == packet.Length;
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
            Native.Close(fd);
    }

    private static IOException Error(string what) => new($"{what} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
}
