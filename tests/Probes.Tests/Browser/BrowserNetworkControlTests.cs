using Harness.Probes.Browser;

namespace Probes.Tests.Browser;

/// <summary>Which live pages a network change reaches, and what pages opened later start with (no browser needed).</summary>
public sealed class BrowserNetworkControlTests
{
    private static readonly NetworkConditions Slow = new() { Latency = TimeSpan.FromMilliseconds(400), DownloadBytesPerSecond = 50_000 };
    private static readonly NetworkConditions Offline = new() { Offline = true };
    private static readonly NetworkConditions Unthrottled = new();

    private sealed class FakePage : IEmulatedNetwork
    {
        public List<NetworkConditions> Sent { get; } = [];

        public Task SetAsync(NetworkConditions conditions)
        {
            lock (Sent)
                Sent.Add(conditions);
            return Task.CompletedTask;
        }
    }

    private static BrowserNetworkControl Control() =>
        new([new BrowserParticipant("teacher"), new BrowserParticipant("student") { Count = 2 }], TimeProvider.System);

    [Test]
    public async Task Apply_ToADeclaredParticipant_ReachesEveryLiveCopyAndNoOneElse()
    {
        var control = Control();
        var (teacher, student1, student2) = (new FakePage(), new FakePage(), new FakePage());
        using var a = await control.AttachAsync("teacher", teacher);
        using var b = await control.AttachAsync("student-1", student1);
        using var c = await control.AttachAsync("student-2", student2);

        var changed = await control.ApplyAsync("student", Slow);

        Assert.That(changed, Is.EqualTo(2));
        Assert.That(teacher.Sent, Is.Empty, "a fresh page is not touched unless its participant changed");
        Assert.That(student1.Sent, Is.EqualTo(new[] { Slow }));
        Assert.That(student2.Sent, Is.EqualTo(new[] { Slow }));
        Assert.That(control.ConditionsFor("student-2"), Is.EqualTo(Slow));
        Assert.That(control.ConditionsFor("teacher"), Is.Null);
    }

    [Test]
    public async Task Apply_ToOneCopy_ReachesOnlyIt()
    {
        var control = Control();
        var (student1, student2) = (new FakePage(), new FakePage());
        using var a = await control.AttachAsync("student-1", student1);
        using var b = await control.AttachAsync("student-2", student2);

        Assert.That(await control.ApplyAsync("student-2", Offline), Is.EqualTo(1));
        Assert.That((student1.Sent.Count, student2.Sent.Single()), Is.EqualTo((0, Offline)));
    }

    [Test]
    public async Task PageOpenedLater_StartsWithTheChangeInForce()
    {
        var control = Control();
        await control.ApplyAsync("student", Slow);
        await control.ApplyAsync(null, Offline);
        await control.ApplyAsync("teacher", null);

        var (student, teacher) = (new FakePage(), new FakePage());
        using var a = await control.AttachAsync("student-1", student);
        using var b = await control.AttachAsync("teacher", teacher);

        Assert.That(student.Sent, Is.EqualTo(new[] { Offline }), "a change for everyone supersedes the earlier one for students");
        Assert.That(teacher.Sent, Is.EqualTo(new[] { Unthrottled }), "reset: the real network");
        Assert.That(control.ConditionsFor("teacher"), Is.Null);
    }

    [Test]
    public async Task Reset_SendsUnthrottledToLivePages()
    {
        var control = Control();
        var page = new FakePage();
        using var live = await control.AttachAsync("teacher", page);
        await control.ApplyAsync(null, Slow);

        await control.ApplyAsync(null, null);

        Assert.That(page.Sent, Is.EqualTo(new[] { Slow, Unthrottled }));
    }

    [Test]
    public async Task ClosedPage_IsNoLongerChanged()
    {
        var control = Control();
        var page = new FakePage();
        var live = await control.AttachAsync("teacher", page);
        live.Dispose();

        Assert.That(await control.ApplyAsync("teacher", Slow), Is.Zero);
        Assert.That(page.Sent, Is.Empty);
    }

    [Test]
    public async Task ConcurrentChanges_LeaveEveryPageOnTheLatest()
    {
        var control = Control();
        var page = new FakePage();
        using var live = await control.AttachAsync("teacher", page);
        var changes = Enumerable.Range(1, 50).Select(i => new NetworkConditions { Latency = TimeSpan.FromMilliseconds(i) }).ToList();

        await Task.WhenAll(changes.Select(c => Task.Run(() => control.ApplyAsync("teacher", c))));

        Assert.That(page.Sent[^1], Is.EqualTo(control.ConditionsFor("teacher")), "the last call sent what is in force");
    }

    [Test]
    public async Task Apply_UnknownParticipantOrInvalidConditions_Throws()
    {
        var control = Control();

        Assert.That(control.Knows("student"), Is.True);
        Assert.That(control.Knows("student-3"), Is.False);
        await Assert.ThrowsAsync<ArgumentException>(() => control.ApplyAsync("student-3", Slow));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            control.ApplyAsync("teacher", new NetworkConditions { DownloadBytesPerSecond = 0 })
        );
    }
}
