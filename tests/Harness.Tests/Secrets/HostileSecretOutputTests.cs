using Harness.Cli;
using Harness.Orchestration;
using Harness.Reports;
using Harness.Reports.Matrix;
using Harness.Scenarios.Loading;
using Harness.Tests.Reports.Matrix;
using Harness.TestSupport;

namespace Harness.Tests.Secrets;

/// <summary>Secrets with characters every encoder escapes, written through the real writers to disk and to the console.</summary>
public sealed class HostileSecretOutputTests
{
    internal static readonly string[] Hostile =
    [
        "ab+c/d=\"e&f<%",
        "x%y",
        "pässwörd✓",
        "<tag a='1'>&amp;</tag>",
        "a long secret with \" quotes and spaces that an emitter may fold over two lines ünd more",
    ];

    [TestCaseSource(nameof(Hostile))]
    public async Task ReportWriter_WritesNoFormOfTheSecretInAnyFile(string secret)
    {
        using var folder = new TemporaryFolder();
        var directory = Path.Combine(folder.Path, "run");
        var results = SecretPlacement.Results(secret);

        var written = await ReportWriter.WriteAllAsync(results, directory, new Redactor([secret]), CancellationToken.None, _ => { });

        Assert.That(written.Status, Is.EqualTo(results.Status), "the reports were written");
        AssertClean(folder.Path, secret);
    }

    [TestCaseSource(nameof(Hostile))]
    public async Task MatrixWriter_WritesNoFormOfTheSecretInAnyFile(string secret)
    {
        using var folder = new TemporaryFolder();
        var plans = MatrixFixtures.TwoAxes();
        var recorder = new MatrixRecorder(
            MatrixFixtures.Run,
            plans,
            folder.Path,
            new Redactor([secret]).Apply,
            new ManualTimeProvider(Reports.ReportFixtures.Start)
        );
        var cell = MatrixFixtures.CellResults(plans[0], null, 0);

        await recorder.RecordAsync(
            plans[0],
            cell with
            {
                Errors = [$"token {secret} rejected"],
                Thresholds = SecretPlacement.Results(secret).Thresholds,
            },
            CancellationToken.None
        );
        await recorder.FinishAsync(CancellationToken.None);

        AssertClean(folder.Path, secret);
    }

    [TestCaseSource(nameof(Hostile))]
    public void Console_ResultLinesShowNoFormOfTheSecret(string secret)
    {
        using var stdout = new StringWriter();
        var output = new ConsoleOutput(new ManualTimeProvider(), stdout, stdout);
        output.Redact([secret]);

        RunCommand.Print(new RunOutcome(SecretPlacement.Results(secret), "/tmp/none"), output);
        output.Progress($"GET http://app.test/x?t={Uri.EscapeDataString(secret)}");

        Assert.That(SecretForms.FoundIn(stdout.ToString(), secret), Is.Null, stdout.ToString());
    }

    [TestCaseSource(nameof(Hostile))]
    public void PlanAndValidate_ShowNoFormOfTheSecret(string secret)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "s.yaml");
        File.WriteAllText(path, PlanScenario);
        using var stdout = new StringWriter();
        var output = new ConsoleOutput(new ManualTimeProvider(), stdout, stdout);

        PlanCommand.Execute([path], new Dictionary<string, string> { ["TOKEN"] = secret }, output);

        Assert.That(stdout.ToString(), Does.Contain("probe api").Or.Contain("s.yaml:"), "the plan or its diagnostics were printed");
        Assert.That(SecretForms.FoundIn(stdout.ToString(), secret), Is.Null, stdout.ToString());
    }

    [TestCaseSource(nameof(Hostile))]
    public void ResolvedYaml_StoredInResults_HoldsNoFormOfTheSecret(string secret)
    {
        const string yaml = """
            name: s
            variables: { long: "${env:TOKEN} and ${env:TOKEN}" }
            description: "uses ${long}"
            target: { base_url: "http://app.test", allow_hosts: [app.test] }
            timeline: [ { phase: a, duration: 1s } ]
            probes:
              - http: { name: api, url: "/api" }
            """;
        var loaded = ScenarioLoader.LoadText(yaml, "/tmp/s.yaml", "s.yaml", new Dictionary<string, string> { ["TOKEN"] = secret });

        Assert.That(loaded.Cells, Is.Not.Empty, string.Join("\n", loaded.Diagnostics));
        Assert.That(loaded.Cells[0].ResolvedYaml, Does.Contain("***"));
        Assert.That(SecretForms.FoundIn(loaded.Cells[0].ResolvedYaml, secret), Is.Null, loaded.Cells[0].ResolvedYaml);
    }

    internal const string PlanScenario = """
        name: s
        description: "uses ${env:TOKEN}"
        target: { base_url: "http://app.test", allow_hosts: [app.test] }
        timeline: [ { phase: a, duration: 1s } ]
        probes:
          - http: { name: api, url: "/api/${env:TOKEN}/x?token=${env:TOKEN}" }
          - websocket: { name: ws, url: "ws://user:${env:TOKEN}@app.test/ws?t=${env:TOKEN}" }
        """;

    /// <summary>Every file under <paramref name="root"/>, text or binary (the history database), holds no form of the secret.</summary>
    internal static void AssertClean(string root, string secret) => AssertCleanExcept(root, secret);

    /// <summary>As <see cref="AssertClean"/>, but skipping files with the given extensions (checked by other means).</summary>
    internal static void AssertCleanExcept(string root, string secret, params string[] extensions)
    {
        var files = Directory
            .GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !extensions.Contains(Path.GetExtension(f)))
            .ToArray();
        Assert.That(files, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                Assert.That(SecretForms.FoundIn(bytes, secret), Is.Null, $"{Path.GetRelativePath(root, file)} holds the secret");
            }
        });
    }
}
