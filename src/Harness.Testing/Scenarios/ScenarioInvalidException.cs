namespace Harness.Testing;

/// <summary>
/// A scenario (file or built) that does not validate. <see cref="Exception.Message"/> lists every problem as <c>file:line:col:
/// message</c>.
/// </summary>
public sealed class ScenarioInvalidException : Exception
{
    /// <summary>An exception for these problems.</summary>
    public ScenarioInvalidException(string message, IReadOnlyList<string> problems)
        : base(message) => Problems = problems;

    /// <summary>An exception with a message only.</summary>
    public ScenarioInvalidException(string message)
        : this(message, [message]) { }

    /// <summary>An exception with a message and a cause.</summary>
    public ScenarioInvalidException(string message, Exception inner)
        : base(message, inner) => Problems = [message];

    /// <summary>An exception without a message (for serializers and analyzers).</summary>
    public ScenarioInvalidException()
        : this("the scenario is invalid") { }

    /// <summary>Each problem, <c>file:line:col: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
