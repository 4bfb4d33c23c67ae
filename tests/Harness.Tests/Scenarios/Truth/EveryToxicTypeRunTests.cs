using Harness.Orchestration;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios.Truth;

/// <summary>
/// Every toxic type and attribute a scenario may write reaches the embedded server through the runner: one phase per
/// type, and the server's echo of each phase's toxic (recorded in the results) holds every attribute as sent.
/// </summary>
public sealed class EveryToxicTypeRunTests
{
    // Packet-mode toxics never reach a server: PacketSettingsMapperTests cover them.
    private static readonly IReadOnlyList<string> ServerTypes = ToxicCatalog
        .All.Values.Where(t => !t.PacketModeOnly)
        .Select(t => t.Type)
        .ToList();
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("harness-every-toxic-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task RunAsync_EveryToxicType_IsAppliedWithEveryAttribute()
    {
        await using var upstream = new HttpEchoServer();
        var phases = ServerTypes.Select(type =>
        {
            var attributes = string.Concat(ToxicSamples.For(type).Select(a => $", {a.Key}: \"{a.Value.Written}\""));
            var toxic = $"{{ proxy: edge, type: {type}, name: t-{type}{attributes} }}";
            return $"  - {{ phase: {type.Replace('_', '-')}, duration: 300ms, toxics: [ {toxic} ] }}";
        });
        var yaml = $$"""
            name: every-toxic
            target: { base_url: "http://echo.test", allow_hosts: [echo.test, 127.0.0.1] }
            network: { proxies: [ { name: edge, upstream: "127.0.0.1:{{upstream.BaseUri.Port}}", hosts: [echo.test] } ] }
            timeline:
            {{string.Join("\n", phases)}}
            probes: [ { http: { name: api, url: /, every: 100ms, timeout: 200ms } } ]
            """;
        var load = ScenarioLoader.LoadText(yaml, Path.Combine(_root, "s.yaml"), "s.yaml");
        Assert.That(load.Diagnostics.Select(d => d.ToString()), Is.Empty);
        var directory = Path.Combine(_root, "run");
        Directory.CreateDirectory(directory);
        var options = new RunOptions(_root, 7, null, "harness run s.yaml")
        {
            Placement = new ReportPlacement(directory, "run-1", Path.Combine(_root, "history.db")),
        };

        var runner = new ScenarioRunner(TimeProvider.System, _ => { });
        var results = (await runner.RunAsync(load.Scenario!, options, CancellationToken.None)).Results;

        Assert.That(results.Errors, Is.Empty);
        foreach (var type in ServerTypes)
        {
            var toxic = results.Phases.Single(p => p.Name == type.Replace('_', '-')).Toxics.Single(t => t.Name == $"t-{type}");
            Assert.That(toxic.Type, Is.EqualTo(type));
            foreach (var (attribute, sample) in ToxicSamples.For(type))
            {
                Assert.That(toxic.Attributes.GetValueOrDefault(attribute, -1), Is.EqualTo(sample.Wire), $"{type}.{attribute}");
            }
        }
    }
}
