using Harness.Scenarios.Loading;

namespace Harness.Tests.Scenarios;

/// <summary>allow_hosts covers browser pages and the Toxiproxy URL; proxies listen on loopback unless network.bind_all opts out.</summary>
public sealed class AllowHostsReachTests
{
    private const string NotAllowed = "which is not in target.allow_hosts; add it there if this scenario may touch it";

    private const string Browser = """
        name: demo
        target:
          base_url: http://app.test
          allow_hosts: [app.test, 127.0.0.1]
        network:
          proxies:
            - { name: edge, upstream: 127.0.0.1:5080, hosts: [routed.test] }
        timeline:
          - { phase: baseline, duration: 2s }
        probes:
          - browser:
              name: page
              steps:
                - goto: /room/1
                - goto: http://evil.test/x
                - goto: { url: "https://other.test/", wait_until: load }
                - goto: http://routed.test/ok
                - goto: //scheme.test/y
                - goto: HTTP://APP.TEST/upper
        """;

    private const string Network = """
        name: demo
        target:
          base_url: http://app.test
          allow_hosts: [app.test, 127.0.0.1]
        network:
          toxiproxy: embedded
          proxies:
            - name: edge
              upstream: 127.0.0.1:5080
              listen: 127.0.0.1:0
        timeline:
          - { phase: baseline, duration: 2s }
        probes:
          - http: { name: api, url: /api }
        """;

    private static LoadResult Load(string text) => ScenarioLoader.LoadText(text, "/tmp/demo.yaml", "demo.yaml");

    private static IEnumerable<string> Lines(LoadResult result) => result.Diagnostics.Select(d => d.ToString());

    [Test]
    public void BrowserGoto_HostNotAllowed_IsRejectedAtTheUrl()
    {
        var result = Load(Browser);

        Assert.That(
            Lines(result),
            Is.EqualTo(
                new[]
                {
                    $"demo.yaml:15:17: browser probe 'page' goto reaches host 'evil.test', {NotAllowed}",
                    $"demo.yaml:16:24: browser probe 'page' goto reaches host 'other.test', {NotAllowed}",
                    $"demo.yaml:18:17: browser probe 'page' goto reaches host 'scheme.test', {NotAllowed}",
                }
            )
        );
    }

    [Test]
    public void BrowserGoto_EveryHostAllowedOrRouted_IsAccepted()
    {
        var hosts = "allow_hosts: [app.test, 127.0.0.1, evil.test, other.test, scheme.test]";
        var result = Load(Browser.Replace("allow_hosts: [app.test, 127.0.0.1]", hosts, StringComparison.Ordinal));

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void NetworkToxiproxy_HostNotAllowed_IsRejectedAtTheUrl()
    {
        var result = Load(Network.Replace("toxiproxy: embedded", "toxiproxy: http://shared-toxiproxy:8474", StringComparison.Ordinal));

        Assert.That(
            Lines(result),
            Is.EqualTo(new[] { $"demo.yaml:6:14: network.toxiproxy reaches host 'shared-toxiproxy', {NotAllowed}" }),
            "the position of the URL"
        );
    }

    [Test]
    public void NetworkToxiproxy_HostAllowed_IsAccepted()
    {
        var result = Load(
            Network
                .Replace("toxiproxy: embedded", "toxiproxy: http://shared-toxiproxy:8474", StringComparison.Ordinal)
                .Replace("[app.test, 127.0.0.1]", "[app.test, 127.0.0.1, shared-toxiproxy]", StringComparison.Ordinal)
        );

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Network.Toxiproxy, Is.EqualTo(new Uri("http://shared-toxiproxy:8474")));
    }

    [TestCase("0.0.0.0:26000", "binds every interface")]
    [TestCase("\"[::]:0\"", "binds every interface")]
    [TestCase("10.0.0.5:0", "is not a loopback address")]
    [TestCase("edge.example:0", "is not a loopback address")]
    public void ProxyListen_BeyondLoopback_IsRejectedAtTheListen(string listen, string what)
    {
        var result = Load(Network.Replace("listen: 127.0.0.1:0", $"listen: {listen}", StringComparison.Ordinal));

        var written = listen.Trim('"');
        Assert.That(
            Lines(result),
            Is.EqualTo(
                new[]
                {
                    $"demo.yaml:10:15: proxy listen '{written}' {what}, so other machines could use the proxy; "
                        + "use 127.0.0.1:<port>, or set network.bind_all: true to allow it",
                }
            )
        );
    }

    [TestCase("127.0.0.1:0")]
    [TestCase("127.0.0.9:7000")]
    [TestCase("localhost:0")]
    [TestCase("\"[::1]:0\"")]
    public void ProxyListen_Loopback_IsAcceptedWithoutWarning(string listen)
    {
        var result = Load(Network.Replace("listen: 127.0.0.1:0", $"listen: {listen}", StringComparison.Ordinal));

        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void BindAll_True_AllowsEveryInterfaceAndWarnsAtTheKey()
    {
        var text = Network
            .Replace("toxiproxy: embedded", "toxiproxy: embedded\n  bind_all: true", StringComparison.Ordinal)
            .Replace("listen: 127.0.0.1:0", "listen: 0.0.0.0:26000", StringComparison.Ordinal);
        var result = Load(text);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Network.Proxies.Single().Listen, Is.EqualTo("0.0.0.0:26000"));
        var file = Path.Combine(Path.GetTempPath(), $"bind-all-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, text);
        try
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            var output = new Harness.Cli.ConsoleOutput(TimeProvider.System, stdout, stderr);
            var code = Harness.Cli.ValidateCommand.Execute([file], new Dictionary<string, string>(), output);

            Assert.That(code, Is.Zero, stdout.ToString());
            const string warning =
                ":7:13: network.bind_all: true lets proxies listen on every interface or a non-loopback address; "
                + "other machines can reach them and whatever they forward to";
            Assert.That(stderr.ToString(), Does.Contain(warning).And.StartWith("harness: warning: "));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void BindAll_False_KeepsLoopbackRule()
    {
        var result = Load(
            Network
                .Replace("toxiproxy: embedded", "toxiproxy: embedded\n  bind_all: false", StringComparison.Ordinal)
                .Replace("listen: 127.0.0.1:0", "listen: 0.0.0.0:26000", StringComparison.Ordinal)
        );

        Assert.That(Lines(result), Has.Exactly(1).StartWith("demo.yaml:11:15: proxy listen '0.0.0.0:26000' binds every interface"));
    }

    [Test]
    public void BindAll_NotABoolean_IsRejectedAtTheValue()
    {
        var result = Load(Network.Replace("toxiproxy: embedded", "toxiproxy: embedded\n  bind_all: yes", StringComparison.Ordinal));

        Assert.That(Lines(result), Is.EqualTo(new[] { "demo.yaml:7:13: network.bind_all must be true or false" }));
    }
}
