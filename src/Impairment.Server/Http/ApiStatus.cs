using Harness.Impairment.Model;

namespace Harness.Impairment.Server.Http;

/// <summary>The one place where engine error kinds become HTTP status codes.</summary>
internal static class ApiStatus
{
    public static int Of(ImpairmentError error) =>
        error.Kind switch
        {
            ImpairmentErrorKind.BadRequest => StatusCodes.Status400BadRequest,
            ImpairmentErrorKind.NotFound => StatusCodes.Status404NotFound,
            ImpairmentErrorKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status500InternalServerError,
        };
}
