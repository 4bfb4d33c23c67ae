using System.Text.Json;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.TestSupport;

namespace Harness.Tests.Reports;

public sealed class ResultsSchemaTests
{
    private static readonly SchemaValidator Schema = SchemaValidator.Load(
        Path.Combine(RepositoryPaths.Root, "schema", "results.schema.json")
    );

    [Test]
    public void RealResults_ConformToTheSchema()
    {
        var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportFixtures.GoldenDirectory, "smoke-results.json"))).RootElement;

        Assert.That(Schema.Validate(document), Is.Empty);
    }

    [Test]
    public void RealResults_RoundTripThroughTheModelWithoutLosingAProperty()
    {
        var text = File.ReadAllText(Path.Combine(ReportFixtures.GoldenDirectory, "smoke-results.json"));
        var again = JsonSerializer.Serialize(
            ResultsJson.Load(Path.Combine(ReportFixtures.GoldenDirectory, "smoke-results.json")),
            ResultsJson.Options
        );

        var before = Paths(JsonDocument.Parse(text).RootElement, "$").ToHashSet();
        var after = Paths(JsonDocument.Parse(again).RootElement, "$").ToHashSet();

        Assert.That(before.Except(after), Is.Empty, "in the file but dropped by the model");
    }

    /// <summary>
    /// A fixture with every optional part filled (services, events, errors, browser artifacts, messages, steps): the model writes nothing
    /// the schema does not declare.
    /// </summary>
    [Test]
    public void EveryModelProperty_IsDeclaredInTheSchema()
    {
        var full = ReportFixtures.Results(error: "boom") with
        {
            Proxies =
            [
                new ProxyResult(
                    "edge",
                    "x-edge",
                    "a",
                    "b",
                    ["h"],
                    "fast-4g",
                    [new ToxicResult("edge", "l", "latency", "upstream", 0.5, new Dictionary<string, long> { ["latency"] = 5 })]
                ),
            ],
        };
        var start = ReportFixtures.Start;
        full = full with
        {
            Probes =
            [
                full.Probes[0] with
                {
                    Errors =
                    [
                        new Harness.Metrics.ErrorTally(
                            "http_req_failed",
                            "refused",
                            3,
                            start,
                            start.AddSeconds(2),
                            "baseline",
                            "Connection refused"
                        )
                        {
                            Phases = new Dictionary<string, long> { ["baseline"] = 3 },
                        },
                    ],
                },
            ],
        };
        var document = JsonDocument.Parse(JsonSerializer.Serialize(full, ResultsJson.Options)).RootElement;

        Assert.That(Schema.Validate(document), Is.Empty);
    }

    [Test]
    public void SchemaVersion_MatchesTheModel()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "results.schema.json"))).RootElement;

        Assert.That(
            schema.GetProperty("properties").GetProperty("schema_version").GetProperty("const").GetInt32(),
            Is.EqualTo(RunResults.CurrentSchemaVersion)
        );
    }

    [Test]
    public void Validator_RejectsAnUndeclaredProperty()
    {
        var document = JsonDocument.Parse("""{"schema_version": 1, "surprise": true}""").RootElement;

        Assert.That(Schema.Validate(document), Has.Some.Contains("$.surprise: not declared"));
    }

    private static IEnumerable<string> Paths(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                var child =
                    path.EndsWith(".phases", StringComparison.Ordinal) || path.EndsWith(".attributes", StringComparison.Ordinal)
                        ? $"{path}.*"
                        : $"{path}.{p.Name}";
                yield return child;
                foreach (var nested in Paths(p.Value, child))
                    yield return nested;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in Paths(item, path + "[]"))
                    yield return nested;
            }
        }
    }
}
