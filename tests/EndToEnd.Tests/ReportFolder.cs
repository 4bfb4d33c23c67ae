using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>A temporary --report-dir and readers for what a run wrote into it.</summary>
internal sealed class ReportFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("harness-e2e-").FullName;

    public string SingleRun()
    {
        var runs = Directory.GetDirectories(Root);
        Assert.That(runs, Has.Length.EqualTo(1), "exactly one run folder");
        return runs[0];
    }

    public JsonDocument Results() => JsonDocument.Parse(File.ReadAllText(Path.Combine(SingleRun(), "results.json")));

    public void Dispose()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine($"report kept at {Root}");
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
                TestContext.AddTestAttachment(file);
            return;
        }
        Directory.Delete(Root, recursive: true);
    }
}
