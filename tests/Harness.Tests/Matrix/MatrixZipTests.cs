using Harness.Scenarios.Loading;
using Harness.TestSupport;

namespace Harness.Tests.Matrix;

/// <summary><c>zip:</c> pairs axes value by value (one factor of the product) instead of crossing them.</summary>
public sealed class MatrixZipTests
{
    private static LoadResult Load(string matrix) =>
        ScenarioLoader.LoadText(
            $$"""
            name: m
            seed: 9
            variables: { client_version: "0", slot: "0" }
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            network:
              proxies: [ { name: edge, upstream: app.test:80, hosts: [app.test] } ]
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - http: { name: api, url: "/v/${client_version}/${slot}" }
            {{matrix}}
            """,
            Path.Combine(RepositoryPaths.Root, "scenarios", "m.yaml"),
            "m.yaml"
        );

    [Test]
    public void Zip_Columns_PairsValuesAndCrossesThePairsWithTheOtherAxes()
    {
        var result = Load(
            """
            matrix:
              zip: { client_version: ["2.3", "2.4"], slot: ["81", "82"] }
              network.profile: [fast-4g, slow-3g]
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(
            result.Cells.Select(c => c.Cell!.Name),
            Is.EqualTo(
                new[]
                {
                    "client_version=2.3,slot=81,network.profile=fast-4g",
                    "client_version=2.3,slot=81,network.profile=slow-3g",
                    "client_version=2.4,slot=82,network.profile=fast-4g",
                    "client_version=2.4,slot=82,network.profile=slow-3g",
                }
            )
        );
        Assert.That(result.Cells[2].Probes[0].Url.AbsolutePath, Is.EqualTo("/v/2.4/82"));
    }

    [Test]
    public void Zip_Rows_InTheStructuredForm_AreTheSameAsColumns()
    {
        var rows = Load(
            """
            matrix:
              axes: { network.profile: [fast-4g] }
              zip:
                - { client_version: "2.3", slot: "81" }
                - { client_version: "2.4", slot: "82" }
              exclude: [ { slot: "81" } ]
            """
        );

        Assert.That(rows.Diagnostics, Is.Empty);
        Assert.That(rows.Cells.Select(c => c.Cell!.Name), Is.EqualTo(new[] { "network.profile=fast-4g,client_version=2.4,slot=82" }));
    }

    [Test]
    public void Zip_ThresholdWhen_KnowsTheZippedAxes()
    {
        var result = Load(
            """
            thresholds:
              api:
                - { threshold: "http_req_failed rate < 5%", when: { slot: "82" } }
            matrix:
              zip: { client_version: ["2.3", "2.4"], slot: ["81", "82"] }
            """
        );

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Cells.Select(c => c.Thresholds.Count), Is.EqualTo(new[] { 0, 1 }));
    }

    [TestCase(
        "matrix:\n  zip: { client_version: [\"2.3\", \"2.4\"], slot: [\"81\"] }",
        "m.yaml:11:48: matrix zip: 'slot' has 1 value(s) but 'client_version' has 2; zipped axes pair values one by one, so they need the same number"
    )]
    [TestCase(
        "matrix:\n  zip:\n    - { client_version: \"2.3\", slot: \"81\" }\n    - { client_version: \"2.4\" }",
        "m.yaml:13:7: matrix zip row 2 sets client_version but not slot; every row sets the same axes"
    )]
    [TestCase(
        "matrix:\n  zip: { client_version: [\"2.3\"] }",
        "m.yaml:11:8: matrix zip needs two or more axes to pair; a single axis goes directly under matrix:"
    )]
    [TestCase(
        "matrix:\n  zip: { client_version: [\"2.3\", \"2.4\"], slot: [\"81\", \"82\"] }\n  slot: [\"1\"]",
        "m.yaml:12:3: matrix axis 'slot' is both zipped and an axis of its own"
    )]
    [TestCase("matrix:\n  zip: [ ]", "m.yaml:11:8: matrix zip needs two or more axes to pair; a single axis goes directly under matrix:")]
    [TestCase("matrix:\n  zip: 3", "m.yaml:11:8: matrix zip must map axes to equally long lists, or be a list of rows")]
    public void Zip_Invalid_IsALocatedError(string matrix, string expected)
    {
        var result = Load(matrix);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.EqualTo(expected));
    }
}
