using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Tests.Scenarios;

/// <summary>Thresholds scoped to sample tags (<c>{participant:alice}</c>) and to matrix cells (<c>when:</c>), checked at load.</summary>
public sealed class ThresholdScopeLoadingTests
{
    private const string Template = """
        name: scoped
        target: { base_url: http://app.test, allow_hosts: [app.test] }
        MATRIX
        timeline:
          - { phase: baseline, duration: 2s }
        probes:
          - browser:
              name: join
              participants:
                - { name: teacher, role: teacher, client_version: "2.4" }
                - { name: student, role: student, count: 3 }
              steps: [ { goto: /room/1 } ]
          - websocket: { name: crowd, url: /ws/room/1, participant: students, role: listener }
          - websocket: { name: anon, url: /ws/room/1 }
          - http: { name: api, url: /api }
        thresholds:
        THRESHOLDS
        """;

    private static LoadResult Load(string thresholds, string matrix = "") =>
        ScenarioLoader.LoadText(
            Template.Replace("MATRIX", matrix, StringComparison.Ordinal).Replace("THRESHOLDS", thresholds, StringComparison.Ordinal),
            "/tmp/scoped.yaml",
            "scoped.yaml"
        );

    private static IEnumerable<string> Messages(LoadResult result) => result.Diagnostics.Select(d => d.ToString());

    [Test]
    public void Tags_ErrorClassAndExpectedResponse_AreTagsProbesSet()
    {
        var result = Load(
            """
              api: [ "http_req_failed{error:refused} count == 0", "http_req_duration{expected_response:false} max < 10s" ]
              crowd: [ "ws_handshake_failed{error:handshake_503} count == 0" ]
              join: [ "checks{error:timeout} rate == 0" ]
            """
        );

        Assert.That(Messages(result), Is.Empty);
    }

    [Test]
    public void Tags_ReasonOnHttp_IsNoLongerSet_LoadError()
    {
        var result = Load(
            """
              api: [ "http_req_failed{reason:refused} count == 0" ]
            """
        );

        Assert.That(Messages(result), Has.Some.Contain("reason"));
    }

    [Test]
    public void Tags_DeclaredParticipantWithCopies_AcceptsEveryCopy()
    {
        var result = Load(
            """
              join:
                - "checks{participant:student} rate == 100%"
                - "browser_step_duration{phase:baseline,participant:student-2,role:student} p(95) < 2s"
                - "checks{participant:teacher,client_version:2.4} rate == 100%"
              crowd: [ "ws_msgs_lost{participant:students} count == 0" ]
              api: [ "http_req_duration{status:200} p(95) < 300ms" ]
            """
        );

        Assert.That(Messages(result), Is.Empty);
        var thresholds = result.Scenario!.Thresholds;
        Assert.That(thresholds[0].Tags!.Conditions.Single().Accepts, Is.EqualTo(new[] { "student-1", "student-2", "student-3" }));
        Assert.That(thresholds[1].Tags!.Text, Is.EqualTo("participant:student-2,role:student"));
        Assert.That(thresholds[1].Expression.Phase, Is.EqualTo("baseline"));
        Assert.That(
            thresholds[2].Tags!.Values,
            Is.EqualTo(new Dictionary<string, string> { ["client_version"] = "2.4", ["participant"] = "teacher" })
        );
        Assert.That(thresholds[3].Tags!.Text, Is.EqualTo("participant:students"));
        Assert.That(
            thresholds[4].Tags!.Conditions.Single().Accepts,
            Is.EqualTo(new[] { "200" }),
            "undeclared tag values are taken as written"
        );
    }

    [Test]
    public void Tags_None_LeavesTheThresholdUnscoped()
    {
        var result = Load("""  api: [ "http_req_duration p(95) < 300ms" ]""");

        Assert.That(result.Scenario!.Thresholds.Single().Tags, Is.Null);
        Assert.That(result.Scenario.Thresholds.Single().When, Is.Null);
    }

    [TestCase(
        """  join: [ "checks{participant:studnet} rate == 100%" ]""",
        "scoped.yaml:17:19: browser probe 'join' has no participant 'studnet' (did you mean 'student'?); it has teacher, student, student-1, student-2, student-3"
    )]
    [TestCase(
        """  join: [ "checks{participnt:student} rate == 100%" ]""",
        "scoped.yaml:17:19: browser probe 'join' does not tag its samples with 'participnt' (did you mean 'participant'?); its tags are phase, participant, role, client_version, step, kind, outcome, check, reason, error"
    )]
    [TestCase(
        """  api: [ "http_req_duration{participant:alice} p(95) < 300ms" ]""",
        "scoped.yaml:17:29: http probe 'api' does not tag its samples with 'participant'; its tags are phase, status, error, expected_response, check"
    )]
    [TestCase(
        """  anon: [ "ws_msgs_lost{participant:students} count == 0" ]""",
        "scoped.yaml:17:25: websocket probe 'anon' sets no 'participant', so no sample carries participant:students; add 'participant: students' to the probe"
    )]
    [TestCase(
        """  join: [ "checks{role:teacher,client_version:9.9} rate == 100%" ]""",
        "scoped.yaml:17:32: browser probe 'join' has no client_version '9.9' (did you mean '2.4'?); it has 2.4"
    )]
    [TestCase(
        """  crowd: [ "ws_rtt{role:speaker} p(95) < 1s" ]""",
        "scoped.yaml:17:20: websocket probe 'crowd' has no role 'speaker'; it has listener"
    )]
    public void Tags_Unknown_AreLocatedErrors(string thresholds, string expected)
    {
        var result = Load(thresholds);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(Messages(result), Is.EqualTo(new[] { expected }));
    }

    private const string Matrix = """
        matrix:
          mode: full
          axes:
            network: [3g, 4g, wifi]
            client_version: ["2.3", "2.4"]
          include: [ { network: satellite, client_version: "2.4" } ]
        """;

    [Test]
    public void When_MatchingCells_CarryTheThreshold_OthersDoNot()
    {
        var result = Load(
            """
              api:
                - "http_req_failed rate < 1%"
                - { threshold: "http_req_duration p(95) < 2s", when: { network: 3g } }
                - { threshold: "http_req_duration p(95) < 500ms", when: { network: [4g, wifi, satellite], client_version: "2.4" } }
            """,
            Matrix
        );

        Assert.That(Messages(result), Is.Empty);
        var byCell = result.Cells.ToDictionary(c => c.Cell!.Name, c => c.Thresholds.Select(t => t.Source).ToList());
        Assert.That(byCell, Has.Count.EqualTo(7));
        Assert.That(
            byCell["network=3g,client_version=2.3"],
            Is.EqualTo(new[] { "http_req_failed rate < 1%", "http_req_duration p(95) < 2s" })
        );
        Assert.That(
            byCell["network=4g,client_version=2.3"],
            Is.EqualTo(new[] { "http_req_failed rate < 1%" }),
            "absent, not passed, where no cell scope matches"
        );
        Assert.That(
            byCell["network=wifi,client_version=2.4"],
            Is.EqualTo(new[] { "http_req_failed rate < 1%", "http_req_duration p(95) < 500ms" })
        );
        Assert.That(
            byCell["network=satellite,client_version=2.4"],
            Has.Member("http_req_duration p(95) < 500ms"),
            "values of include entries count"
        );
        var scoped = result.Cells.First(c => c.Cell!.Name == "network=4g,client_version=2.4").Thresholds[1];
        Assert.That(scoped.WhenText, Is.EqualTo("network=4g|wifi|satellite,client_version=2.4"));
    }

    [TestCase(
        """{ threshold: "http_req_failed rate < 1%", when: { netwrk: 3g } }""",
        "scoped.yaml:23:57: when: the matrix has no axis 'netwrk' (did you mean 'network'?); its axes are network, client_version (matrix cell network=3g,client_version=2.3)"
    )]
    [TestCase(
        """{ threshold: "http_req_failed rate < 1%", when: { network: 5g } }""",
        "scoped.yaml:23:66: when: matrix axis 'network' has no value '5g' (did you mean '3g'?); its values are 3g, 4g, wifi, satellite (matrix cell network=3g,client_version=2.3)"
    )]
    [TestCase(
        """{ threshold: "http_req_failed rate < 1%", when: 3g }""",
        "scoped.yaml:23:55: when must map matrix axes to a value or a list of values, e.g. when: { network.profile: slow-3g } (matrix cell network=3g,client_version=2.3)"
    )]
    public void When_UnknownAxisOrValue_IsALocatedError(string entry, string expected)
    {
        var result = Load($"  api:\n    - {entry}", Matrix);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(Messages(result), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void When_WithoutAMatrix_IsAnError()
    {
        var result = Load("""  api: [ { threshold: "http_req_failed rate < 1%", when: { network: 3g } } ]""");

        Assert.That(
            Messages(result),
            Is.EqualTo(
                new[]
                {
                    "scoped.yaml:17:58: when: this scenario has no matrix, so there are no cells to pick; remove 'when' or add a 'matrix'",
                }
            )
        );
    }

    [Test]
    public void When_MatchingNoCellAfterExclude_IsALocatedError()
    {
        const string excluding = """
            matrix:
              axes:
                network: [3g, 4g]
                client_version: ["2.3", "2.4"]
              exclude: [ { network: 3g, client_version: "2.3" } ]
            """;

        var result = Load(
            """
              api:
                - { threshold: "http_req_failed rate < 1%", when: { network: 3g, client_version: "2.3" } }
            """,
            excluding
        );

        Assert.That(result.Succeeded, Is.False);
        Assert.That(
            Messages(result).Single(),
            Does.StartWith(
                "scoped.yaml:22:55: when: no matrix cell has network=3g and client_version=2.3, so this threshold would never be checked; the cells are "
                    + "network=3g,client_version=2.4; network=4g,client_version=2.3; network=4g,client_version=2.4"
            )
        );
    }
}
