using Harness.Probes.Abstractions;
using Harness.Probes.Browser;
using Probes.Tests.Support;

namespace Probes.Tests.Browser;

[Category("Browser")]
public sealed class BrowserLocatorTests
{
    [Test]
    public void Locate_NothingInstalled_ErrorNamesEveryPathTriedAndBothInstallCommands()
    {
        var location = BrowserLocator.Locate(null, null, "/pw/chromium-1248/chrome", _ => false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(location.Found, Is.False);
            Assert.That(
                location.Error,
                Does.Contain("/pw/chromium-1248/chrome").And.Contain("/usr/bin/chromium").And.Contain("/opt/google/chrome/chrome")
            );
            Assert.That(
                location.Error,
                Does.Contain("apt-get install -y chromium").And.Contain("playwright.ps1 install chromium").And.Contain("HARNESS_BROWSER")
            );
        }
    }

    [TestCase("/x/explicit", "/x/env", "executable_path", "/x/explicit")]
    [TestCase(null, "/x/env", "HARNESS_BROWSER", "/x/env")]
    [TestCase(null, null, "playwright", "/x/managed")]
    public void Locate_InOrder_ExplicitThenEnvironmentThenManaged(string? explicitPath, string? env, string source, string expected)
    {
        var location = BrowserLocator.Locate(explicitPath, env, "/x/managed", _ => true);

        Assert.That((location.ExecutablePath, location.Source), Is.EqualTo((expected, source)));
    }

    [Test]
    public void Locate_ManagedMissing_FallsBackToSystemChromiumInOrder()
    {
        var location = BrowserLocator.Locate(null, null, "/x/managed", path =>
            path == "/usr/lib/chromium/chromium" || path == "/usr/bin/google-chrome"
        );

        Assert.That((location.ExecutablePath, location.Source), Is.EqualTo(("/usr/lib/chromium/chromium", "system")));
    }

    [Test]
    public void Locate_ExplicitPathMissing_IsAnErrorNotAFallback()
    {
        var location = BrowserLocator.Locate("/nope/chrome", null, null, path => path != "/nope/chrome");

        Assert.That(location.Error, Does.StartWith("browser from executable_path not found at '/nope/chrome'"));
    }

    [Test]
    public async Task BrowserProbe_NoBrowserAnywhere_RunThrowsUnavailableWithInstallHint()
    {
        await using var pool = new BrowserPool(_ => false);
        var probe = new BrowserProbe(
            new BrowserProbeOptions("join", new Uri("http://liveroom.test/")) { Steps = [new GotoStep("/")] },
            pool
        );
        var context = new ProbeContext(new CollectingSink(), new TestPhase(), TimeProvider.System, HostRoutes.None);

        var ex = await Assert.ThrowsAsync<BrowserUnavailableException>(() => probe.RunAsync(context, CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("apt-get install -y chromium"));
    }
}
