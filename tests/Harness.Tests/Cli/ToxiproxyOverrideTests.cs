using Harness.Cli;
using Harness.Scenarios.Loading;

namespace Harness.Tests.Cli;

public sealed class ToxiproxyOverrideTests
{
    private static readonly Harness.Scenarios.Model.Scenario Demo = ScenarioLoader
        .LoadText(
            """
            name: demo
            target: { base_url: "http://app.test", allow_hosts: [app.test, shared-toxiproxy] }
            timeline: [ { phase: a, duration: 1s } ]
            probes: [ { http: { name: api, url: / } } ]
            """,
            "/tmp/demo.yaml",
            "demo.yaml"
        )
        .Scenario!;

    [TestCase("http://127.0.0.1:8474", true)]
    [TestCase("http://127.3.0.1:8474", true)]
    [TestCase("http://localhost:8474", true)]
    [TestCase("http://[::1]:8474", true)]
    [TestCase("http://SHARED-TOXIPROXY:8474", true)]
    [TestCase("http://toxiproxy:8474", false)]
    [TestCase("http://10.0.0.5:8474", false)]
    [TestCase("http://0.0.0.0:8474", false)]
    public void Allowed_LoopbackOrAllowedHost(string url, bool allowed)
    {
        var stdout = new StringWriter();

        var result = ToxiproxyOverride.Allowed(new Uri(url), [Demo], new ConsoleOutput(TimeProvider.System, stdout, TextWriter.Null));

        Assert.That(result, Is.EqualTo(allowed));
        var refusal = "is neither loopback nor in target.allow_hosts of demo (/tmp/demo.yaml)";
        Assert.That(stdout.ToString(), allowed ? Is.Empty : Does.Contain(refusal));
    }

    [Test]
    public void Allowed_NoUrl_IsTrue()
    {
        var output = new ConsoleOutput(TimeProvider.System, TextWriter.Null, TextWriter.Null);
        Assert.That(ToxiproxyOverride.Allowed(null, [Demo], output), Is.True);
    }
}
