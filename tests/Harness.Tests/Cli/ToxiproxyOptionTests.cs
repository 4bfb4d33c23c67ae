using Harness.Cli;
using Harness.Orchestration;

namespace Harness.Tests.Cli;

/// <summary><c>--toxiproxy URL</c> obeys allow_hosts like network.toxiproxy, except that loopback is always allowed.</summary>
public sealed class ToxiproxyOptionTests
{
    private const string Scenario = """
        name: demo
        target:
          base_url: http://127.0.0.1:9
          allow_hosts: [127.0.0.1]
        network:
          proxies:
            - { name: edge, upstream: 127.0.0.1:9 }
        timeline:
          - { phase: baseline, duration: 1s }
        probes:
          - http: { name: api, url: / }
        """;

    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), $"toxiproxy-option-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Run_ToxiproxyHostNeitherLoopbackNorAllowed_RefusedBeforeAnythingRuns()
    {
        var file = Path.Combine(_root, "demo.yaml");
        await File.WriteAllTextAsync(file, Scenario);
        var reports = Path.Combine(_root, "reports");
        var stdout = new StringWriter();
        var options = new RunOptions(reports, 1, new Uri("http://toxiproxy.invalid:8474"), "harness run demo.yaml");

        var output = new ConsoleOutput(TimeProvider.System, stdout, TextWriter.Null);

        var code = await RunCommand.ExecuteAsync([file], options, new Dictionary<string, string>(), output, CancellationToken.None);

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput), stdout.ToString());
        Assert.That(
            stdout.ToString(),
            Does.StartWith(
                "--toxiproxy http://toxiproxy.invalid:8474/: host 'toxiproxy.invalid' is neither loopback nor in target.allow_hosts of "
                    + $"demo ({file}); add it there if this scenario may use that server"
            )
        );
        Assert.That(Directory.Exists(reports), Is.False, "no run started");
    }
}
