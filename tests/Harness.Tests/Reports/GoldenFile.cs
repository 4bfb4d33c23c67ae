namespace Harness.Tests.Reports;

/// <summary>Compares output with a file under Golden/; UPDATE_GOLDEN=1 rewrites the file instead (review the diff).</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(ReportFixtures.GoldenDirectory, name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Warn($"golden file {name} rewritten");
            return;
        }
        Assert.That(File.Exists(path), Is.True, $"missing golden file {path}; run with UPDATE_GOLDEN=1 to create it");
        Assert.That(
            actual,
            Is.EqualTo(File.ReadAllText(path).ReplaceLineEndings("\n")),
            $"differs from {name}; if intended, run with UPDATE_GOLDEN=1 and review the diff"
        );
    }
}
