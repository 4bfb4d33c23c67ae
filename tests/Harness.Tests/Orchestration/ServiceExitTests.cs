using Harness.Orchestration;

namespace Harness.Tests.Orchestration;

public sealed class ServiceExitTests
{
    [TestCase(137, "was killed by SIGKILL (exit code 137)")]
    [TestCase(143, "was killed by SIGTERM (exit code 143)")]
    [TestCase(139, "was killed by SIGSEGV (exit code 139)")]
    [TestCase(150, "was killed by signal 22 (exit code 150)")]
    [TestCase(1, "exited with code 1")]
    [TestCase(0, "exited with code 0")]
    [TestCase(null, "exited (exit code unknown)")]
    public void How_NamesTheSignalOrTheExitCode(int? code, string expected)
    {
        Assert.That(ServiceExit.How(code), Is.EqualTo(expected));
    }

    [Test]
    public void Describe_NamesServicePhaseTimeAndLastLines()
    {
        var text = ServiceExit.Describe(
            "liveroom",
            137,
            "in phase degraded at +12.5s",
            "artifacts/service-liveroom.log",
            ["listening", "GET /api/rooms/1"]
        );

        Assert.That(
            text,
            Is.EqualTo(
                "service 'liveroom' was killed by SIGKILL (exit code 137) in phase degraded at +12.5s; last lines of its log (artifacts/service-liveroom.log):"
                    + "\n    listening\n    GET /api/rooms/1"
            )
        );
    }
}
