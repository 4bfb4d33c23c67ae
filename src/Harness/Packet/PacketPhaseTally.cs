using System.Globalization;
using Harness.Impairment.Packet.Namespaces;
using Harness.Impairment.Packet.Pipeline;
using Harness.Reports.Model;

namespace Harness.Packet;

/// <summary>
/// Splits the link's counters by phase: every <see cref="Interval"/> the growth since the last look is
/// added to the phase in force (so a phase boundary blurs by at most one interval). A phase's configured
/// figures are the ones seen at most of its looks (the later on a tie), so the phase's own impairment wins
/// over the moment at either end when the previous or next phase's is in force.
/// </summary>
internal sealed class PacketPhaseTally : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly object _gate = new();
    private readonly PacketPipeline _up;
    private readonly PacketPipeline _down;
    private readonly (string Namespace, string Host, string Inner) _where;
    private readonly Func<string?> _phase;
    private readonly ITimer _timer;
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (Side Up, Side Down)> _phases = new(StringComparer.Ordinal);
    private PacketCounters _lastUp = PacketCounters.Zero;
    private PacketCounters _lastDown = PacketCounters.Zero;

    /// <summary>One link into the server namespace <paramref name="ns"/>: the harness's address and the server side's.</summary>
    public PacketPhaseTally(HarnessLink link, string ns, Func<string?> phase, TimeProvider time)
        : this(link.Upstream, link.Downstream, (ns, link.Addresses.Host.ToString(), link.Addresses.Inner.ToString()), phase, time) { }

    /// <summary>The client namespace's link: its namespace, the client's address and the server side's.</summary>
    public PacketPhaseTally(ClientLink client, Func<string?> phase, TimeProvider time)
        : this(
            client.Upstream,
            client.Downstream,
            (client.Namespace, client.Addresses.Host.ToString(), client.Addresses.Inner.ToString()),
            phase,
            time
        ) { }

    private PacketPhaseTally(PacketPipeline up, PacketPipeline down, (string, string, string) where, Func<string?> phase, TimeProvider time)
    {
        (_up, _down, _where) = (up, down, where);
        _phase = phase;
        _timer = time.CreateTimer(_ => Sample(), null, Interval, Interval);
    }

    /// <summary>Takes a last look and returns the phases in the order they were first seen.</summary>
    public PacketModeResult Result()
    {
        Sample();
        lock (_gate)
        {
            var phases = _order.Select(p => new PacketPhaseResult(p, _phases[p].Up.Result(), _phases[p].Down.Result())).ToList();
            return new PacketModeResult(_where.Namespace, _where.Host, _where.Inner, phases);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        lock (_gate)
        {
            var (up, down) = (_up.Counters, _down.Counters);
            if (_phase() is not { } phase)
            {
                (_lastUp, _lastDown) = (up, down); // readiness checks before the timeline belong to no phase
                return;
            }
            if (!_phases.TryGetValue(phase, out var sides))
            {
                _order.Add(phase);
                sides = _phases[phase] = (new Side(), new Side());
            }
            sides.Up.Add(_lastUp, up, _up.Settings);
            sides.Down.Add(_lastDown, down, _down.Settings);
            (_lastUp, _lastDown) = (up, down);
        }
    }

    private sealed class Side
    {
        private long _packets,
            _bytes,
            _dropped,
            _queue,
            _mtu,
            _duplicated,
            _corrupted,
            _reordered,
            _delayed,
            _resets;
        private TimeSpan _held;
        private int _maxDepth;
        private readonly Dictionary<PacketImpairmentSettings, (int Looks, int Last)> _seen = [];
        private int _looks;

        public void Add(PacketCounters before, PacketCounters now, PacketImpairmentSettings settings)
        {
            _packets += now.Seen - before.Seen;
            _bytes += now.Bytes - before.Bytes;
            _dropped += now.Dropped - before.Dropped;
            _queue += now.DroppedQueue - before.DroppedQueue;
            _mtu += now.DroppedMtu - before.DroppedMtu;
            _duplicated += now.Duplicated - before.Duplicated;
            _corrupted += now.Corrupted - before.Corrupted;
            _reordered += now.Reordered - before.Reordered;
            _delayed += now.Delayed - before.Delayed;
            _resets += now.ResetsForged - before.ResetsForged;
            _held += now.AddedDelaySum - before.AddedDelaySum;
            _maxDepth = Math.Max(_maxDepth, now.QueueDepth);
            _looks++;
            _seen[settings] = (_seen.GetValueOrDefault(settings).Looks + 1, _looks);
        }

        public PacketDirectionResult Result()
        {
            var s = _seen.Count == 0 ? PacketImpairmentSettings.None : _seen.MaxBy(p => (p.Value.Looks, p.Value.Last)).Key;
            var bursts = s.Bursts is { } b
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"gilbert-elliott p_good_to_bad {b.GoodToBadPercent}%, p_bad_to_good {b.BadToGoodPercent}%, loss_bad {b.LossBadPercent}%, expected {b.ExpectedLossPercent:0.##}%"
                )
                : null;
            var configured = new PacketConfigured(
                s.Delay.TotalMilliseconds,
                s.Jitter.TotalMilliseconds,
                s.Reorder,
                s.Bursts?.ExpectedLossPercent ?? s.LossPercent,
                bursts,
                s.DuplicatePercent,
                s.CorruptPercent,
                s.RateBytesPerSecond,
                s.QueueLimit,
                s.Mtu,
                s.Down
            );
            var passed = _packets - _dropped - _queue - _mtu;
            var achieved = new PacketAchieved(
                _packets,
                _bytes,
                _dropped,
                _queue,
                _mtu,
                _duplicated,
                _corrupted,
                _reordered,
                _delayed,
                _packets == 0 ? 0 : Math.Round(100.0 * _dropped / _packets, 3),
                passed <= 0 ? 0 : Math.Round((_held / passed).TotalMilliseconds, 3),
                _maxDepth
            )
            {
                ResetsForged = _resets,
            };
            return new PacketDirectionResult(configured, achieved);
        }
    }
}
