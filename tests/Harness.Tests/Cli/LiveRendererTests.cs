using Harness.Cli.Live;
using Harness.Orchestration.Monitoring;
using Harness.Scenarios.Loading;
using Spectre.Console;

namespace Harness.Tests.Cli;

public sealed class LiveRendererTests
{
    private const string Secret = "tok-s3cr3t";

    internal static RunSnapshot Snapshot(string scenario = "smoke") =>
        new(
            scenario,
            TimeSpan.FromSeconds(14.25),
            new PhaseSnapshot("degraded", 2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3.2)),
            2,
            false,
            [
                new ProbeSnapshot("api", "http", null, "http_req_duration", 201.4, 208.6, 230.2, 0.25, null),
                new ProbeSnapshot("room", "websocket", new ClientCount("clients", 2, 5), "ws_frame_delay", 4.567, 12.34, 99.96, 0, 0.1),
            ],
            [
                new ThresholdSnapshot("api", "http_req_failed rate < 5%", ThresholdState.Failing, 0.25),
                new ThresholdSnapshot("api", "http_req_duration{phase:degraded} med > 190ms", ThresholdState.Passing, 201.4),
                new ThresholdSnapshot("room", "ws_frame_delay{phase:recovery} med < 100ms", ThresholdState.NoData, null),
            ]
        );

    private static string Draw(RunSnapshot? snapshot, IReadOnlyList<string> log, Func<string, string> redact)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(writer),
            }
        );
        console.Profile.Width = 140;
        console.Write(LiveRenderer.Render(snapshot, log, redact));
        return writer.ToString();
    }

    [Test]
    public void Render_ShowsPhaseElapsedClientsPercentilesAndRates()
    {
        var frame = Draw(Snapshot(), [], s => s);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(frame, Does.Contain("harness run smoke"));
            Assert.That(frame, Does.Contain("phase degraded (2/2)  3.2 s of 10.0 s  elapsed 14.3 s"));
            Assert.That(Row(frame, "api"), Is.EqualTo(new[] { "api", "-", "http_req_duration", "201", "209", "230", "25%", "-" }));
            Assert.That(
                Row(frame, "room"),
                Is.EqualTo(new[] { "room", "2/5 clients", "ws_frame_delay", "4.57", "12.3", "100", "0%", "10%" })
            );
        }
    }

    [Test]
    public void Render_ShowsEachThresholdsState()
    {
        var frame = Draw(Snapshot(), [], s => s);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Row(frame, "FAIL"), Is.EqualTo(new[] { "FAIL", "api", "http_req_failed rate < 5%", "0.25" }));
            Assert.That(Row(frame, "pass"), Is.EqualTo(new[] { "pass", "api", "http_req_duration{phase:degraded} med > 190ms", "201.4" }));
            Assert.That(
                Row(frame, "no data yet"),
                Is.EqualTo(new[] { "no data yet", "room", "ws_frame_delay{phase:recovery} med < 100ms", "-" })
            );
        }
    }

    [Test]
    public void Render_MasksSecretsInEveryStringItShows()
    {
        var redactor = new Redactor([Secret]);
        var snapshot = Snapshot($"smoke-{Secret}") with
        {
            Phase = new PhaseSnapshot($"p-{Secret}", 1, TimeSpan.FromSeconds(1), TimeSpan.Zero),
            Thresholds = [new ThresholdSnapshot($"probe-{Secret}", $"checks{{token:{Secret}}} rate > 0.9", ThresholdState.NoData, null)],
        };

        var frame = Draw(snapshot, [$"[harness    1.0s] GET http://app.test/?token={Secret} failed"], redactor.Apply);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(frame, Does.Not.Contain("s3cr3t"));
            Assert.That(frame, Does.Contain("harness run smoke-***"));
            Assert.That(frame, Does.Contain("phase p-*** (1/2)"));
            Assert.That(frame, Does.Contain("probe-***"));
            Assert.That(frame, Does.Contain("checks{token:***} rate > 0.9"));
            Assert.That(frame, Does.Contain("GET http://app.test/?token=*** failed"));
        }
    }

    [Test]
    public void Render_ShowsNamesWithMarkupCharactersLiterally()
    {
        var frame = Draw(
            Snapshot("[red]x[/]") with
            {
                Phase = new PhaseSnapshot("[bold]", 1, TimeSpan.FromSeconds(1), TimeSpan.Zero),
            },
            ["[harness] a [link] line"],
            s => s
        );

        Assert.That(frame, Does.Contain("harness run [red]x[/]").And.Contain("phase [bold] (1/2)").And.Contain("a [link] line"));
    }

    [Test]
    public void Render_BeforeTheFirstSnapshotAndWhileSettingUp_SaysSo()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Draw(null, [], s => s), Does.Contain("starting"));
            Assert.That(
                Draw(Snapshot() with { Phase = null }, [], s => s),
                Does.Contain("setting up services and proxies  elapsed 14.3 s")
            );
            Assert.That(Draw(Snapshot() with { Finished = true }, [], s => s), Does.Contain("finished  elapsed 14.3 s"));
        }
    }

    /// <summary>The cells of the table row whose first cell is <paramref name="first"/>.</summary>
    private static string[] Row(string frame, string first) =>
        frame
            .Split('\n')
            .Select(line => line.Trim().Trim('│').Trim())
            .Select(line => System.Text.RegularExpressions.Regex.Split(line, @"\s{2,}|\s*│\s*").Where(c => c.Length > 0).ToArray())
            .First(cells => cells.Length > 0 && cells[0] == first);
}
