using System.Globalization;
using System.Text;

namespace Harness.Probes.Browser;

/// <summary>
/// Names and records one iteration's artifact files: &lt;dir&gt;/&lt;probe&gt;/&lt;participant&gt;/i0001-&lt;label&gt;.&lt;ext&gt;.
/// </summary>
internal sealed class ArtifactStore(BrowserRun run, ParticipantPlan plan, int iteration)
{
    private readonly List<BrowserArtifact> _saved = [];

    public bool Enabled => run.Options.ArtifactsDirectory is not null;

    public IReadOnlyList<BrowserArtifact> Saved => _saved;

    public string Directory
    {
        get
        {
            var dir = Path.Combine(Path.GetFullPath(run.Options.ArtifactsDirectory!), Safe(run.ProbeName), Safe(plan.Name));
            System.IO.Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public string PathFor(string label, string extension) =>
        Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"i{iteration:D4}-{Safe(label)}.{extension}"));

    public void Add(BrowserArtifactKind kind, string path, int? step)
    {
        var artifact = new BrowserArtifact(kind, path, plan.Name, iteration, step);
        _saved.Add(artifact);
        run.Report.Add(artifact);
    }

    // File names from user-given names: letters, digits, '-', '_' and '.' only; never a path separator or "..".
    private static string Safe(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return safe.Length == 0 ? "_" : safe.ToString();
    }
}
