using Harness.Probes.Browser;

namespace Probes.Tests.Browser;

public sealed class ParticipantAttributesTests
{
    private static readonly Dictionary<string, string> Attributes = new()
    {
        ["participant"] = "student-1",
        ["client_version"] = "2.3",
        ["network"] = "a b",
    };

    [Test]
    public void WithQuery_AppendsWhatTheUrlDoesNotName()
    {
        var url = ParticipantAttributes.WithQuery(new Uri("http://app.test/room/1?client_version=9&x=1"), Attributes);

        Assert.That(url.Query, Is.EqualTo("?client_version=9&x=1&participant=student-1&network=a%20b"));
    }

    [Test]
    public void Headers_AreNamedLikeHttpHeaders()
    {
        Assert.That(
            ParticipantAttributes.Headers(Attributes),
            Is.EqualTo(
                new Dictionary<string, string>
                {
                    ["X-Participant"] = "student-1",
                    ["X-Client-Version"] = "2.3",
                    ["X-Network"] = "a b",
                }
            )
        );
    }

    [Test]
    public void Script_SetsAFrozenObject()
    {
        Assert.That(
            ParticipantAttributes.Script(Attributes),
            Is.EqualTo(
                "window.harnessParticipant = Object.freeze({\"participant\":\"student-1\",\"client_version\":\"2.3\",\"network\":\"a b\"});"
            )
        );
    }
}
