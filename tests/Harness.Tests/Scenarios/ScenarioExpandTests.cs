using Harness.Scenarios.Loading;

namespace Harness.Tests.Scenarios;

/// <summary>
/// Which files a folder argument stands for. A Kubernetes ConfigMap volume holds each file three times (the file, a
/// hidden <c>..data</c> folder and a hidden timestamped one), so hidden folders are skipped, and a <c>profiles</c>
/// folder is skipped only inside the folder given, not because some parent of it is called that.
/// </summary>
public sealed class ScenarioExpandTests
{
    private DirectoryInfo _root = null!;

    [SetUp]
    public void Create() => _root = Directory.CreateTempSubdirectory("harness-expand-");

    [TearDown]
    public void Delete() => _root.Delete(recursive: true);

    private string Touch(string relative)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "name: x\n");
        return path;
    }

    [Test]
    public void HiddenFolders_AreSkipped_LikeAConfigMapVolume()
    {
        var visible = Touch("suite/a.yaml");
        Touch("suite/..data/a.yaml");
        Touch("suite/..2026_12_03_18_00_00.123/a.yaml");
        Touch("suite/.git/b.yaml");
        var nested = Touch("suite/nested/c.yml");

        var (files, missing) = ScenarioLoader.Expand([Path.Combine(_root.FullName, "suite")]);

        Assert.That(missing, Is.Empty);
        Assert.That(files, Is.EqualTo(new[] { visible, nested }));
    }

    [Test]
    public void ProfilesFolderAboveTheGivenFolder_DoesNotHideIt()
    {
        var inside = Touch("profiles/suite/a.yaml");
        Touch("profiles/suite/profiles/slow.yaml");

        var (files, _) = ScenarioLoader.Expand([Path.Combine(_root.FullName, "profiles", "suite")]);

        Assert.That(files, Is.EqualTo(new[] { inside }));
    }

    [Test]
    public void HiddenFolderGivenByName_IsExpanded()
    {
        var hidden = Touch(".hidden/a.yaml");

        var (files, _) = ScenarioLoader.Expand([Path.Combine(_root.FullName, ".hidden")]);

        Assert.That(files, Is.EqualTo(new[] { hidden }), "a folder named explicitly is expanded even if hidden");
    }
}
