namespace Harness.Probes.Browser;

/// <summary>
/// A running <see cref="BrowserProbe"/>'s handle on its participants' emulated network (CDP
/// Network.emulateNetworkConditions), for changes made from outside the steps: a scenario's timeline event.
/// A change applies at once to every live page of the participants it selects and stays in force for the pages
/// they open later (the next iteration), until another change replaces it. A page that goes away meanwhile
/// is skipped: a failing page is data, not an error of the caller. Safe to call from any thread.
/// </summary>
public sealed class BrowserNetworkControl
{
    private static readonly NetworkConditions Unthrottled = new();

    private readonly Lock _lock = new();
    private readonly IReadOnlyDictionary<string, string> _groups;
    private readonly List<(string? Selector, NetworkConditions? Conditions)> _changes = [];
    private readonly List<LivePage> _live = [];
    private readonly TimeProvider _time;

    internal BrowserNetworkControl(IEnumerable<BrowserParticipant> participants, TimeProvider time)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in participants)
        {
            for (var i = 1; i <= p.Count; i++)
                groups.TryAdd(ParticipantPlan.NameOf(p, i), p.Name);
        }
        _groups = groups;
        _time = time;
    }

    /// <summary>Every participant page name (copies of a participant with Count 3 are "name-1" to "name-3").</summary>
    public IReadOnlyCollection<string> Participants => _groups.Keys.ToList();

    /// <summary>
    /// Whether <paramref name="participant"/> names a participant of this probe: a declared name (covering its copies) or one copy.
    /// </summary>
    public bool Knows(string participant) =>
        _groups.ContainsKey(participant) || _groups.Values.Contains(participant, StringComparer.Ordinal);

    /// <summary>
    /// Changes the network of <paramref name="participant"/> (a declared name covers its copies; null: every
    /// participant) to <paramref name="conditions"/> (null: no emulation, the real network).
    /// </summary>
    /// <returns>How many live pages took the change (pages opened later take it when they open).</returns>
    /// <exception cref="ArgumentException">The participant is not one of this probe's.</exception>
    public async Task<int> ApplyAsync(string? participant, NetworkConditions? conditions)
    {
        if (participant is not null && !Knows(participant))
            throw new ArgumentException($"no participant '{participant}' in this browser probe", nameof(participant));
        if (conditions is not null)
        {
            var errors = new List<string>();
            conditions.Validate(errors, "conditions");
            if (errors.Count > 0)
                throw new ArgumentException(string.Join("; ", errors), nameof(conditions));
        }
        LivePage[] targets;
        lock (_lock)
        {
            // Only the latest change per selector matters; a change for everyone supersedes every earlier one.
            if (participant is null)
                _changes.Clear();
            else
                _changes.RemoveAll(c => c.Selector == participant);
            _changes.Add((participant, conditions));
            targets = _live.Where(p => participant is null || p.Name == participant || p.Group == participant).ToArray();
        }
        var applied = await Task.WhenAll(targets.Select(PushAsync)).ConfigureAwait(false);
        return applied.Count(a => a);
    }

    /// <summary>
    /// The conditions <paramref name="participant"/> (one page name) is under now; null when nothing changed it or it was reset.
    /// </summary>
    public NetworkConditions? ConditionsFor(string participant)
    {
        lock (_lock)
            return Current(participant, _groups.GetValueOrDefault(participant) ?? participant).Conditions;
    }

    /// <summary>
    /// Registers a page that just opened; it takes the change in force for its participant (if any) before its steps run.
    /// </summary>
    internal async Task<IDisposable> AttachAsync(string participant, IEmulatedNetwork network)
    {
        var page = new LivePage(participant, _groups.GetValueOrDefault(participant) ?? participant, network, this);
        bool changed;
        lock (_lock)
        {
            _live.Add(page);
            changed = Current(page.Name, page.Group).Changed;
        }
        // A fresh page is unthrottled already; it only needs a call when something changed its participant.
        if (changed)
            await PushAsync(page).ConfigureAwait(false);
        return page;
    }

    private (bool Changed, NetworkConditions? Conditions) Current(string name, string group)
    {
        for (var i = _changes.Count - 1; i >= 0; i--)
        {
            var (selector, conditions) = _changes[i];
            if (selector is null || selector == name || selector == group)
                return (true, conditions);
        }
        return (false, null);
    }

    // Each push sends what is in force when it runs, one at a time per page: concurrent changes cannot leave a
    // page on an older one than the latest.
    private async Task<bool> PushAsync(LivePage page)
    {
        await page.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            NetworkConditions conditions;
            lock (_lock)
            {
                if (!_live.Contains(page))
                    return false;
                conditions = Current(page.Name, page.Group).Conditions ?? Unthrottled;
            }
            return await Quietly.RunAsync(() => page.Network.SetAsync(conditions), _time).ConfigureAwait(false);
        }
        finally
        {
            page.Gate.Release();
        }
    }

    private void Detach(LivePage page)
    {
        lock (_lock)
            _live.Remove(page);
    }

    private sealed class LivePage(string name, string group, IEmulatedNetwork network, BrowserNetworkControl owner) : IDisposable
    {
        public string Name => name;

        public string Group => group;

        public IEmulatedNetwork Network => network;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public void Dispose() => owner.Detach(this);
    }
}
