namespace Harness.Testing;

/// <summary>The impairment server refused or could not do what was asked (its message says which proxy and what).</summary>
public sealed class ImpairmentException : Exception
{
    /// <summary>An exception with the given message.</summary>
    public ImpairmentException(string message)
        : base(message) { }

    /// <summary>An exception with the given message and cause.</summary>
    public ImpairmentException(string message, Exception inner)
        : base(message, inner) { }

    /// <summary>An exception without a message (for serializers and analyzers).</summary>
    public ImpairmentException() { }
}
