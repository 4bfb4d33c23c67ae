using Harness.Cli;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Matrix;
using Harness.TestSupport;

namespace Harness.Tests.Matrix;

public sealed class MatrixTests
{
    private static LoadResult Load(string matrix) =>
        ScenarioLoader.LoadText(
            $$"""
            name: m
            seed: 9
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            network:
              proxies: [ { name: edge, upstream: app.test:80, hosts: [app.test] } ]
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - http: { name: api, url: "/v/${client_version}" }
            {{matrix}}
            """,
            Path.Combine(RepositoryPaths.Root, "scenarios", "m.yaml"),
            "m.yaml"
        );

    [Test]
    public void FlatMatrix_RunsTheFullProduct_WithVariablesAndPaths()
    {
        var result = Load("matrix:\n  client_version: [\"2.3\", \"2.4\"]\n  network.profile: [fast-4g, slow-3g]");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(
            result.Cells.Select(c => c.DisplayName),
            Is.EqualTo(
                new[]
                {
                    "m[client_version=2.3,network.profile=fast-4g]",
                    "m[client_version=2.3,network.profile=slow-3g]",
                    "m[client_version=2.4,network.profile=fast-4g]",
                    "m[client_version=2.4,network.profile=slow-3g]",
                }
            )
        );
        Assert.That(result.Cells[1].Probes[0].Url.AbsolutePath, Is.EqualTo("/v/2.3"));
        Assert.That(result.Cells[1].Network.Proxies[0].Profile!.Name, Is.EqualTo("slow-3g"));
    }

    [Test]
    public void Pairwise_CoversEveryPairInFewerCells_DeterministicallyForASeed()
    {
        const string matrix = """
            matrix:
              mode: pairwise
              axes:
                client_version: ["2.3", "2.4"]
                type: [live, automated]
                chat: [public, private]
                recording: ["on", "off"]
                waiting_room: ["on", "off"]
              exclude:
                - { type: live, chat: private, recording: "on" }
            """;
        var first = Load(matrix);
        var second = Load(matrix);

        Assert.That(first.Diagnostics, Is.Empty);
        var cells = first.Cells.Select(c => c.Cell!).ToList();
        Assert.That(cells, Has.Count.LessThan(32), "fewer cells than the full product");
        Assert.That(second.Cells.Select(c => c.DisplayName), Is.EqualTo(first.Cells.Select(c => c.DisplayName)), "same seed, same cells");
        Assert.That(
            cells.Any(c => c.Matches(new Dictionary<string, string> { ["type"] = "automated", ["chat"] = "private" })),
            "the broken pair of incident 2 is covered"
        );
        Assert.That(
            cells.Any(c =>
                c.Matches(
                    new Dictionary<string, string>
                    {
                        ["type"] = "live",
                        ["chat"] = "private",
                        ["recording"] = "on",
                    }
                )
            ),
            Is.False,
            "exclusions hold"
        );
        var axes = new[] { "client_version", "type", "chat", "recording", "waiting_room" };
        foreach (var a in axes)
        foreach (var b in axes.Where(b => string.CompareOrdinal(a, b) < 0))
        foreach (var va in cells.Select(c => c.Values.Single(v => v.Key == a).Value).Distinct())
        foreach (var vb in cells.Select(c => c.Values.Single(v => v.Key == b).Value).Distinct())
        {
            var excludedOnly =
                a == "chat" && b == "type" && va == "private" && vb == "live"
                || a == "recording" && b == "type" && va == "on" && vb == "live";
            if (!excludedOnly)
                Assert.That(cells.Any(c => c.Matches(new Dictionary<string, string> { [a] = va, [b] = vb })), $"{a}={va} with {b}={vb}");
        }
    }

    [Test]
    public void Include_AddsACell()
    {
        var result = Load("matrix:\n  axes: { client_version: [\"2.3\"] }\n  include: [ { client_version: \"9.9\" } ]");

        Assert.That(result.Cells.Select(c => c.Cell!.Name), Is.EqualTo(new[] { "client_version=2.3", "client_version=9.9" }));
    }

    [TestCase("matrix:\n  network.profil: [fast-4g]", "unknown key 'profil' (did you mean 'profile'?)")]
    [TestCase("matrix:\n  network.profile: [fast-4gg]", "unknown profile 'fast-4gg'")]
    [TestCase("matrix:\n  client_version: 2.3", "must be a non-empty list")]
    [TestCase("matrix:\n  axes: { client_version: [\"1\"] }\n  mode: pairs", "must be full or pairwise")]
    public void Invalid_IsALocatedError(string matrix, string expected)
    {
        var result = Load(matrix);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(expected).And.All.Match(@"^m\.yaml:\d+:\d+: "));
    }

    [TestCase("m[client_version=2.3,network.profile=slow-3g]", "slow-3g", true)]
    [TestCase("m[client_version=2.3,network.profile=slow-3g]", "*2.4*", false)]
    [TestCase("m[client_version=2.3,network.profile=slow-3g]", "m[client_version=2.3*", true)]
    public void Filter_MatchesSubstringOrGlob(string name, string filter, bool expected) =>
        Assert.That(RunCommand.Matches(name, filter), Is.EqualTo(expected));
}
