using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Harness.Exporting;
using Harness.History;
using Harness.Reports.Model;
using Harness.Tests.Reports;
using Harness.TestSupport;

namespace Harness.Tests.Exporting;

public sealed class RunExportsTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("harness-exports-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private string HistoryPath => Path.Combine(_directory, HistoryStore.FileName);

    private static RunResults Run(string id, int minutes, bool failing) =>
        ReportFixtures.Results(failing: failing) with
        {
            RunId = id,
            StartedAt = ReportFixtures.Start.AddMinutes(minutes),
            FinishedAt = ReportFixtures.Start.AddMinutes(minutes + 1),
        };

    private async Task<List<string>> AfterAsync(ExportTargets targets, RunResults results, TimeSpan? timeout = null)
    {
        new HistoryStore(HistoryPath).Append(results);
        var warnings = new List<string>();
        using var exports = new RunExports(targets, warnings.Add, timeout);
        await exports.AfterRunAsync(results, "/reports/x/index.html", HistoryPath);
        return warnings;
    }

    [Test]
    public async Task Notify_FailedRun_PostsTheMessage()
    {
        await using var webhook = new RecordingReceiver();

        var warnings = await AfterAsync(new ExportTargets(null, null, webhook.BaseUri), Run("a", 0, failing: true));

        Assert.That(warnings, Is.Empty);
        var post = webhook.Requests.Single();
        Assert.That(post.Method, Is.EqualTo("POST"));
        Assert.That(post.Headers["Content-Type"], Does.StartWith("application/json"));
        using var message = JsonDocument.Parse(post.Body);
        Assert.That(message.RootElement.GetProperty("text").GetString(), Does.Contain("FAILED").And.Contain("newly failing"));
        Assert.That(post.Text, Does.Contain("/reports/x/index.html"));
    }

    [Test]
    public async Task Notify_PassAfterPass_NothingPostedPassAfterFail_Recovery()
    {
        await using var webhook = new RecordingReceiver();
        var targets = new ExportTargets(null, null, webhook.BaseUri);

        await AfterAsync(targets, Run("a", 0, failing: false));
        await AfterAsync(targets, Run("b", 2, failing: false));
        Assert.That(webhook.Requests, Is.Empty);
        await AfterAsync(targets, Run("c", 4, failing: true));
        await AfterAsync(targets, Run("d", 6, failing: false));

        Assert.That(
            webhook.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()),
            Is.EqualTo(
                new[]
                {
                    "harness: demo: FAILED (exit 1, newly failing)",
                    "harness: demo: PASSED (exit 0, recovered: passed after a failed run)",
                }
            )
        );
    }

    [Test]
    public async Task Notify_OtherMatrixCellFailed_NoRecoveryForThisCell()
    {
        await using var webhook = new RecordingReceiver();
        var targets = new ExportTargets(null, null, webhook.BaseUri);
        var failedCell = Run("a", 0, failing: true);

        await AfterAsync(targets, failedCell with { Scenario = failedCell.Scenario with { Cell = "net=3g" } });
        var passed = Run("b", 2, failing: false);
        await AfterAsync(targets, passed with { Scenario = passed.Scenario with { Cell = "net=wifi" } });

        Assert.That(webhook.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Failures_Non2xxRefusedAndSilent_AreWarningsNamingWhatFailed()
    {
        await using var rejecting = new RecordingReceiver { Status = 500 };
        await using var silent = new RecordingReceiver { Delay = TimeSpan.FromMinutes(5) };
        var refused = new Uri($"http://127.0.0.1:{UnusedPort()}/");

        var warnings = await AfterAsync(
            new ExportTargets(rejecting.BaseUri, refused, silent.BaseUri),
            Run("a", 0, failing: true),
            TimeSpan.FromMilliseconds(500)
        );

        Assert.That(warnings, Has.Count.EqualTo(3));
        Assert.That(
            warnings[0],
            Does.StartWith($"warning: push to {rejecting.BaseUri.Scheme}://{rejecting.BaseUri.Authority} failed: HTTP 500")
        );
        Assert.That(warnings[1], Does.StartWith("warning: OTLP export to http://127.0.0.1:").And.Contain("did not accept"));
        Assert.That(warnings[2], Does.StartWith("warning: notify to").And.Contain("no answer within 0.5 s"));
        Assert.That(warnings, Has.All.EndsWith("the verdict is unchanged"));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
