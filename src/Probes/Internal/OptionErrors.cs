namespace Harness.Probes.Internal;

/// <summary>
/// Collects every problem with a set of options, then fails once with all of them (YARP's "without
/// short-circuiting"), each line prefixed with what it belongs to, for example <c>probe 'students'</c>.
/// </summary>
internal sealed class OptionErrors(string owner)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> All => _errors;

    public void Add(string message) => _errors.Add($"{owner}: {message}");

    /// <summary>Adds <paramref name="message"/> when <paramref name="ok"/> is false.</summary>
    public void Require(bool ok, string message)
    {
        if (!ok)
            Add(message);
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, _errors));
    }
}
