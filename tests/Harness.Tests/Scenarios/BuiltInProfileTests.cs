using Harness.Scenarios.Loading;
using Harness.Scenarios.Profiles;
using Harness.TestSupport;

namespace Harness.Tests.Scenarios;

/// <summary>
/// Named profiles outside the checkout: the built-in ones (embedded in the harness) answer when no <c>profiles/</c>
/// folder at or above the scenario holds a profile of that name; a local profile of the same name wins.
/// </summary>
public sealed class BuiltInProfileTests
{
    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Directory.CreateTempSubdirectory("harness-profiles-");
        Assert.That(
            ProfileCatalog.FindProfilesDirectory(_directory.FullName),
            Is.Null,
            "precondition: no profiles/ folder above the temp folder"
        );
    }

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    private LoadResult Load(string profile)
    {
        var path = Path.Combine(_directory.FullName, "it.yaml");
        File.WriteAllText(
            path,
            $$"""
            name: p
            target: { allow_hosts: [127.0.0.1] }
            network:
              profile: {{profile}}
              proxies: [ { name: a, upstream: 127.0.0.1:1 } ]
            timeline: [ { phase: a, duration: 1s } ]
            probes: [ { http: { name: api, url: "http://127.0.0.1:1/" } } ]
            """
        );
        return ScenarioLoader.LoadFile(path);
    }

    private void WriteLocal(string name, string rtt, string folder = "profiles")
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory.FullName, folder));
        File.WriteAllText(Path.Combine(directory.FullName, name + ".yaml"), $"name: {name}\nsource: our own lab\nrtt: {rtt}\n");
    }

    [Test]
    public void OutsideAnyCheckout_ANamedProfileComesFromTheBuiltIns()
    {
        var result = Load("slow-3g");

        Assert.That(result.Diagnostics, Is.Empty);
        var profile = result.Scenario!.Network.Proxies[0].Profile!;
        Assert.That(profile.Rtt, Is.EqualTo(TimeSpan.FromMilliseconds(400)));
        Assert.That(profile.DownKilobytesPerSecond, Is.EqualTo(63), "500kbit/s");
        Assert.That(profile.Source, Does.Contain("devtools-frontend"));
    }

    [Test]
    public void LocalProfilesFolder_ShadowsTheBuiltInOfTheSameName()
    {
        WriteLocal("slow-3g", "123ms");

        var result = Load("slow-3g");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Network.Proxies[0].Profile!.Rtt, Is.EqualTo(TimeSpan.FromMilliseconds(123)));
        Assert.That(result.Scenario.Network.Proxies[0].Profile!.Source, Is.EqualTo("our own lab"));
    }

    [Test]
    public void LocalProfilesFolder_LeavesTheOtherBuiltInsAvailable()
    {
        WriteLocal("slow-3g", "123ms", folder: Path.Combine("scenarios", "profiles"));

        var result = Load("wpt-3g");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Network.Proxies[0].Profile!.Rtt, Is.EqualTo(TimeSpan.FromMilliseconds(300)));
    }

    [Test]
    public void UnknownProfile_ListsLocalAndBuiltInNames()
    {
        WriteLocal("lab-link", "80ms");

        var message = Load("slow-3gg").Diagnostics.Single().ToString();

        Assert.That(message, Does.Contain("unknown profile 'slow-3gg' (did you mean 'slow-3g'?); known: "));
        Assert.That(message, Does.Contain("lab-link").And.Contain("wpt-dsl"));
        Assert.That(message, Does.Not.Contain("no profiles/ folder"));
    }

    [Test]
    public void InvalidBuiltInName_IsReportedAtTheScenario_NotAsAFile()
    {
        var message = Load("../slow-3g").Diagnostics.Single().ToString();

        Assert.That(message, Does.Contain("it.yaml:4:12: unknown profile '../slow-3g'"));
    }

    [Test]
    public void EmbeddedProfiles_AreExactlyTheRepositoryFiles()
    {
        var directory = Path.Combine(RepositoryPaths.Root, "scenarios", "profiles");
        var files = Directory.EnumerateFiles(directory, "*.yaml").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);

        Assert.That(BuiltInProfiles.Names, Is.EquivalentTo(files.Keys));
        foreach (var (name, text) in files)
            Assert.That(BuiltInProfiles.Text(name), Is.EqualTo(text), name);
    }
}
