using System.Text;
using Harness.Cli;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Scenarios.Loading;
using Harness.Tests.Reports.Matrix;
using Harness.TestSupport;

namespace Harness.Tests.Secrets;

/// <summary>
/// 1,000 random secrets from printable ASCII and non-ASCII, each placed in every kind of value that reaches a writer;
/// no output (results.json, junit.xml, summary.md, index.html, console lines, plan) holds the secret raw or escaped.
/// Set HARNESS_SECRET_SEED to replay a failure.
/// </summary>
public sealed class SecretPropertyTests
{
    private const int Secrets = 1000;

    // Latin-1, Greek, Cyrillic, CJK and symbols; emoji added separately as surrogate pairs.
    private static readonly string NonAscii = "äöüßéèçñøåÆŒΩλπЖжщ中文字日本語한국✓€£¥©®°±×÷—…«»";

    [Test]
    public void RandomSecrets_AppearInNoOutputInAnyEncoding()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HARNESS_SECRET_SEED"), out var s) ? s : 20261203;
        var random = new Random(seed);
        using var folder = new TemporaryFolder();
        var scenario = Path.Combine(folder.Path, "s.yaml");
        File.WriteAllText(scenario, HostileSecretOutputTests.PlanScenario);
        for (var i = 0; i < Secrets; i++)
        {
            var secret = Next(random);
            var leak = Leak(secret, scenario, folder.Path);
            if (leak is not null)
                Assert.Fail($"seed {seed}, secret #{i} {Describe(secret)}: {leak}");
        }
    }

    /// <summary>Where the secret shows, as "output: form", or null.</summary>
    private static string? Leak(string secret, string scenario, string directory)
    {
        var redactor = new Redactor([secret]);
        var results = SecretPlacement.Results(secret);
        foreach (var (name, content) in ReportWriter.Render(ReportWriter.Redacted(results, redactor), [], directory))
        {
            if (SecretForms.FoundIn(content, secret) is { } form)
                return $"{name}: {form}";
        }
        using var console = new StringWriter();
        var output = new ConsoleOutput(new ManualTimeProvider(), console, console);
        output.Redact([secret]);
        RunCommand.Print(new RunOutcome(results, directory), output);
        PlanCommand.Execute([scenario], new Dictionary<string, string> { ["TOKEN"] = secret }, output);
        return SecretForms.FoundIn(console.ToString(), secret) is { } shown ? $"console: {shown}" : null;
    }

    private static string Next(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(6, 21);
        for (var i = 0; i < length; i++)
        {
            var pick = random.Next(10);
            if (pick < 7)
                builder.Append((char)random.Next(0x20, 0x7F));
            else if (pick < 9)
                builder.Append(NonAscii[random.Next(NonAscii.Length)]);
            else
                builder.Append(char.ConvertFromUtf32(random.Next(0x1F600, 0x1F650)));
        }
        return builder.ToString();
    }

    private static string Describe(string secret) =>
        $"\"{secret}\" ({string.Join(" ", secret.EnumerateRunes().Select(r => r.Value.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))})";
}
