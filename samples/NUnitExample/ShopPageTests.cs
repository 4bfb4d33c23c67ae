using System.Diagnostics;
using Harness.Testing;
using Microsoft.Playwright.NUnit;

namespace NUnitExample;

/// <summary>
/// A real browser (Playwright) loads the shop's page through a proxy with the slow-3g profile: 400 ms round trips. The page
/// and its price API are two exchanges, so the price shows no sooner than two round trips, and the test says how late is too late.
/// </summary>
public class ShopPageTests : PlaywrightTest
{
    [Test]
    public async Task PriceAppears_OnSlow3g_AfterTwoRoundTripsAndWithinFourSeconds()
    {
        var chromium = ChromiumOrIgnore();
        await using var shop = await TinyShop.StartAsync();
        await using var network = await ImpairedServer.StartAsync();
        var proxy = await network.CreateProxyAsync(
            new ProxyOptions
            {
                Name = "shop",
                Upstream = shop.Address,
                Profile = "slow-3g",
            }
        );
        await using var browser = await BrowserType.LaunchAsync(new() { ExecutablePath = chromium });
        var page = await browser.NewPageAsync();
        var priceShown = new MetricSamples("price_shown");

        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(proxy.Url("/").ToString());
            await Expect(page.Locator("#price")).ToHaveTextAsync("42");
            priceShown.Add(watch.Elapsed);
        }

        Assert.That(priceShown, Passes.Threshold("min >= 760ms"));
        Assert.That(priceShown, Passes.Threshold("p(95) < 4s"));
    }

    /// <summary>Debian's Chromium (or HARNESS_BROWSER); without one the test is skipped, saying how to get it.</summary>
    private static string ChromiumOrIgnore()
    {
        var path = Environment.GetEnvironmentVariable("HARNESS_BROWSER") is { Length: > 0 } set ? set : "/usr/bin/chromium";
        if (!File.Exists(path))
            Assert.Ignore($"Chromium not installed at {path}: apt-get install -y chromium (or set HARNESS_BROWSER)");
        return path;
    }
}
