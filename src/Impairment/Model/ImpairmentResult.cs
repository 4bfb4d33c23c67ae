using System.Diagnostics.CodeAnalysis;

namespace Harness.Impairment.Model;

/// <summary>A value or an <see cref="ImpairmentError"/>; expected failures are results, not exceptions.</summary>
public readonly struct ImpairmentResult<T>
{
    private ImpairmentResult(T? value, ImpairmentError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ImpairmentError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    // Implicit conversions do not apply when T is an interface, hence the named factory.
    public static ImpairmentResult<T> Success(T value) => new(value, null);

    public static implicit operator ImpairmentResult<T>(T value) => new(value, null);

    public static implicit operator ImpairmentResult<T>(ImpairmentError error) => new(default, error);
}
