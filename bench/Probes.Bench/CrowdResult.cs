using Harness.Probes.Abstractions;
using static Harness.Probes.Bench.Infra.Machine;
using static Harness.Probes.Bench.Infra.Stats;

namespace Harness.Probes.Bench;

/// <summary>Memory of the probe process (and, for reference, of the proxy and LiveRoom processes) with everyone connected.</summary>
internal sealed record MemoryFigures(
    long TotalManaged,
    long HeapSize,
    long Rss,
    long PeakRss,
    long ManagedBefore,
    long RssBefore,
    int OpenFiles,
    long ProxyRss,
    long LiveRoomRss
);

internal sealed record CrowdResult(
    string LoadBefore,
    int Clients,
    long Connected,
    int RoomMembers,
    double ConnectAllSeconds,
    LogLinearHistogram Connecting,
    long FramesPerClient,
    double FrameRate,
    long Received,
    long FramesVerified,
    int Mismatched,
    long Lost,
    long Duplicated,
    long Reordered,
    long Disconnects,
    long HandshakeFailed,
    string Failures,
    LogLinearHistogram FrameDelay,
    MemoryFigures Memory,
    double StopSeconds,
    string LoadAfter
)
{
    private const long Limit = 1536L * 1024 * 1024;

    public double HeapMib => Memory.HeapSize / 1048576.0;

    public double RssMib => Memory.Rss / 1048576.0;

    public double PeakRssMib => Memory.PeakRss / 1048576.0;

    public bool Pass =>
        Connected == Clients
        && RoomMembers == Clients
        && Mismatched == 0
        && Received == FramesVerified
        && Lost == 0
        && Duplicated == 0
        && Reordered == 0
        && Disconnects == 0
        && HandshakeFailed == 0
        && Memory.PeakRss < Limit;

    public override string ToString() =>
        $"{(Pass ? "PASS" : "FAIL")} load {LoadBefore} -> {LoadAfter}; connected {Connected}/{Clients} (room members {RoomMembers}) in {F(ConnectAllSeconds, "0.00")} s, "
        + $"ws_connecting {Distribution(Connecting)}; window {FramesPerClient} frames/client at {F(FrameRate, "0.00")} fps: "
        + $"received {Received} of {FramesVerified} expected, mismatched clients {Mismatched}; lost {Lost}, duplicated {Duplicated}, reordered {Reordered}, "
        + $"disconnects {Disconnects}, handshake failed {HandshakeFailed} ({Failures}); ws_frame_delay {Distribution(FrameDelay)}; "
        + $"managed {Mib(Memory.TotalManaged)} (heap size {Mib(Memory.HeapSize)}, before {Mib(Memory.ManagedBefore)}), RSS {Mib(Memory.Rss)} "
        + $"(before {Mib(Memory.RssBefore)}, peak {Mib(Memory.PeakRss)}), fds {Memory.OpenFiles}; proxy processes RSS {Mib(Memory.ProxyRss)}, "
        + $"LiveRoom RSS {Mib(Memory.LiveRoomRss)}; stop took {F(StopSeconds, "0.00")} s";
}
