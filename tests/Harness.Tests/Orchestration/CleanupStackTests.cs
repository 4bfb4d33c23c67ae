using Harness.Orchestration;

namespace Harness.Tests.Orchestration;

public sealed class CleanupStackTests
{
    [Test]
    public async Task UnwindAsync_AStepThrows_TheOthersStillRunInReverseOrderAndTheFailureIsNamed()
    {
        var ran = new List<string>();
        var cleanups = new CleanupStack();
        cleanups.Push("stop service api", () => ran.Add("services"));
        cleanups.Push("remove the run's proxies", () => throw new IOException("the API went away"));
        cleanups.Push("stop the probes", async () =>
        {
            await Task.Yield();
            ran.Add("probes");
        });

        var failures = await cleanups.UnwindAsync();

        Assert.That(ran, Is.EqualTo(new[] { "probes", "services" }));
        Assert.That(failures, Is.EqualTo(new[] { "cleanup 'remove the run's proxies' failed: IOException: the API went away" }));
    }

    [Test]
    public async Task UnwindAsync_EveryStepThrows_EachFailureIsRecordedOnce()
    {
        var cleanups = new CleanupStack();
        cleanups.Push("a", () => throw new InvalidOperationException("one"));
        cleanups.Push("b", () => Task.FromException(new TimeoutException("two")));

        var failures = await cleanups.UnwindAsync();
        var again = await cleanups.UnwindAsync();

        Assert.That(
            failures,
            Is.EqualTo(new[] { "cleanup 'b' failed: TimeoutException: two", "cleanup 'a' failed: InvalidOperationException: one" })
        );
        Assert.That(again, Is.Empty, "a step runs once");
    }
}
