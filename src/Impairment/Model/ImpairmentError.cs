namespace Harness.Impairment.Model;

/// <summary>The small vocabulary of engine failures; the HTTP server maps kinds to status codes in one place.</summary>
public enum ImpairmentErrorKind
{
    BadRequest,
    NotFound,
    Conflict,
    Internal,
}

/// <summary>An engine failure with Toxiproxy's exact message text.</summary>
public sealed record ImpairmentError(ImpairmentErrorKind Kind, string Message)
{
    public static readonly ImpairmentError ProxyNotFound = new(ImpairmentErrorKind.NotFound, "proxy not found");
    public static readonly ImpairmentError ToxicNotFound = new(ImpairmentErrorKind.NotFound, "toxic not found");
    public static readonly ImpairmentError ProxyExists = new(ImpairmentErrorKind.Conflict, "proxy already exists");
    public static readonly ImpairmentError ToxicExists = new(ImpairmentErrorKind.Conflict, "toxic already exists");
    public static readonly ImpairmentError InvalidStream = new(
        ImpairmentErrorKind.BadRequest,
        "stream was invalid, can be either upstream or downstream"
    );
    public static readonly ImpairmentError InvalidToxicType = new(ImpairmentErrorKind.BadRequest, "invalid toxic type");

    public static ImpairmentError MissingField(string field) => new(ImpairmentErrorKind.BadRequest, $"missing required field: {field}");

    public static ImpairmentError BadBody(string detail) => new(ImpairmentErrorKind.BadRequest, $"bad request body: {detail}");

    public static ImpairmentError Os(string message) => new(ImpairmentErrorKind.Internal, message);
}
