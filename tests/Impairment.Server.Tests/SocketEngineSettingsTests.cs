using Harness.Impairment.Server;

namespace Impairment.Server.Tests;

/// <summary>The server's socket-engine setting: set when absent, a user's own value kept.</summary>
[NonParallelizable]
public sealed class SocketEngineSettingsTests
{
    private string? _saved;

    [SetUp]
    public void Save() => _saved = Environment.GetEnvironmentVariable(SocketEngineSettings.InlineCompletions);

    [TearDown]
    public void Restore() => Environment.SetEnvironmentVariable(SocketEngineSettings.InlineCompletions, _saved);

    [Test]
    public void Unset_SetsInlineCompletions()
    {
        Environment.SetEnvironmentVariable(SocketEngineSettings.InlineCompletions, null);

        Assert.That(SocketEngineSettings.PreferInlineCompletions(), Is.True);
        Assert.That(Environment.GetEnvironmentVariable(SocketEngineSettings.InlineCompletions), Is.EqualTo("1"));
    }

    [Test]
    public void SetByTheUser_KeepsTheirValue()
    {
        Environment.SetEnvironmentVariable(SocketEngineSettings.InlineCompletions, "0");

        Assert.That(SocketEngineSettings.PreferInlineCompletions(), Is.False);
        Assert.That(Environment.GetEnvironmentVariable(SocketEngineSettings.InlineCompletions), Is.EqualTo("0"));
    }
}
