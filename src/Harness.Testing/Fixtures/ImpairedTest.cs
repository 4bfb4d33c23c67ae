using NUnit.Framework;

namespace Harness.Testing;

/// <summary>
/// A base class for NUnit tests that need an impaired network, as Playwright's <c>PageTest</c> provides a page: each test
/// gets its own <see cref="Server"/> (started before the test, removed with all its proxies after it) and logs to NUnit's
/// progress output. Override <see cref="ServerOptions"/> to seed it or point it at another profiles folder.
/// </summary>
/// <example>
/// <code>
/// public class CheckoutTests : ImpairedTest
/// {
///     [Test]
///     public async Task Cart_OnSlow3g_LoadsWithinTwoSeconds()
///     {
///         var proxy = await Server.CreateProxyAsync(new ProxyOptions { Name = "shop", Upstream = "127.0.0.1:5000", Profile =
/// "slow-3g" });
///         // drive a client at proxy.Url("/cart") and assert
///     }
/// }
/// </code>
/// </example>
public abstract class ImpairedTest
{
    private ImpairedServer? _server;

    /// <summary>This test's server; available from the test's own [SetUp] on.</summary>
    public ImpairedServer Server =>
        _server
        ?? throw new InvalidOperationException("the server starts in ImpairedTest's [SetUp]; use it from a test or a later [SetUp]");

    /// <summary>
    /// The options each test's server starts with. Defaults: a drawn seed, profiles at or above the current directory, log to NUnit's
    /// progress.
    /// </summary>
    protected virtual ImpairedServerOptions ServerOptions() => new() { Log = Progress };

    /// <summary>
    /// Options for running a scenario from this test: reports under <c>harness-reports/&lt;test name&gt;/</c> of NUnit's work
    /// directory, progress to NUnit's output.
    /// </summary>
    protected ScenarioRunOptions RunOptions() =>
        new()
        {
            ReportDirectory = Path.Combine(
                TestContext.CurrentContext.WorkDirectory,
                "harness-reports",
                Safe(TestContext.CurrentContext.Test.Name)
            ),
            Log = Progress,
        };

    /// <summary>Starts this test's server.</summary>
    [SetUp]
    public async Task StartImpairedServerAsync() => _server = await ImpairedServer.StartAsync(ServerOptions()).ConfigureAwait(false);

    /// <summary>Removes every proxy and stops the server.</summary>
    [TearDown]
    public async Task StopImpairedServerAsync()
    {
        if (_server is null)
            return;
        await _server.DisposeAsync().ConfigureAwait(false);
        _server = null;
    }

    private static void Progress(string line) => TestContext.Progress.WriteLine($"[harness] {line}");

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
