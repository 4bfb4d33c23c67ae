using System.Text.Json;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.Scenarios.Loading;
using Harness.Tests.Reports;

namespace Harness.Tests.Secrets;

/// <summary>The redaction stage copies the model through JSON: nothing but the masked strings may change.</summary>
public sealed class ModelRedactionTests
{
    private static IEnumerable<TestCaseData> Models()
    {
        yield return new TestCaseData(ReportFixtures.Smoke()).SetName("smoke run");
        yield return new TestCaseData(LargeRun.Build()).SetName("large run");
        yield return new TestCaseData(SecretPlacement.Results("unrelated")).SetName("every kind of value");
    }

    [TestCaseSource(nameof(Models))]
    public void Redacted_WithASecretThatIsNotThere_IsTheSameModel(RunResults results)
    {
        var copy = ReportWriter.Redacted(results, new Redactor(["not-in-this-run"]));

        Assert.That(
            JsonSerializer.Serialize(copy, ResultsJson.Options),
            Is.EqualTo(JsonSerializer.Serialize(results, ResultsJson.Options))
        );
    }

    [Test]
    public void Redacted_MasksStringsAndKeysButNotTimesNumbersOrEnums()
    {
        var results = SecretPlacement.Results("pässwörd✓");

        var copy = ReportWriter.Redacted(results, new Redactor(["pässwörd✓"]));

        Assert.Multiple(() =>
        {
            Assert.That(copy.Errors, Has.Some.Contains("bad token *** (***)"));
            Assert.That(copy.Thresholds[0].Tags, Is.EqualTo(new Dictionary<string, string> { ["token"] = "***", ["***"] = "tag" }));
            Assert.That(copy.Probes[0].Messages[0].Location, Is.EqualTo("http://app.test/x?t=***"));
            Assert.That(
                (copy.Status, copy.StartedAt, copy.Probes[0].Metrics[0].All),
                Is.EqualTo((results.Status, results.StartedAt, results.Probes[0].Metrics[0].All))
            );
        });
    }
}
