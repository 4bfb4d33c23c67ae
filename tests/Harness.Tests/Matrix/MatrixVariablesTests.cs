using Harness.Scenarios.Loading;

namespace Harness.Tests.Matrix;

/// <summary>
/// The matrix may use the scenario's variables, so <c>--var full=true</c> can turn a pairwise cover into the full product.
/// </summary>
public sealed class MatrixVariablesTests
{
    private static LoadResult Load(IReadOnlyDictionary<string, string>? values = null) =>
        ScenarioLoader.LoadText(
            """
            name: m
            seed: 3
            variables:
              full: "false"
              mode_false: pairwise
              mode_true: full
              last: "c"
            matrix:
              mode: ${mode_${full}}
              axes:
                a: ["1", "2"]
                b: ["1", "2"]
                c: ["1", "2", "${last}"]
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: p, duration: 1s } ]
            probes:
              - http: { name: api, url: "/x/${a}/${b}/${c}" }
            """,
            "/tmp/m.yaml",
            "m.yaml",
            new Dictionary<string, string>(),
            values
        );

    [Test]
    public void DeclaredValue_PicksPairwise()
    {
        var result = Load();

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Cells, Has.Count.LessThan(12).And.Count.GreaterThanOrEqualTo(6));
        Assert.That(result.Cells.Select(c => c.Cell!.Values.Single(v => v.Key == "c").Value), Has.Some.EqualTo("c"));
    }

    [Test]
    public void Override_PicksTheFullProduct()
    {
        var result = Load(new Dictionary<string, string> { ["full"] = "true" });

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Cells, Has.Count.EqualTo(12));
    }
}
