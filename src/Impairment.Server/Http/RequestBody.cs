using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// Reads a request body with a size limit, so a request can pin at most that much memory: a proxy or toxic
/// definition is never megabytes, /populate may be larger. Past the limit the answer is 413 and nothing more is
/// read (Kestrel closes the connection); a malformed transfer (bad chunk size, cut short) is a 400. Either way the
/// endpoint gets a result to return, never an exception.
/// </summary>
internal static class RequestBody
{
    /// <summary>The limit for a proxy, toxic or proxy update.</summary>
    public const int DefinitionLimit = 64 * 1024;

    /// <summary>The limit for /populate, a list of proxy definitions.</summary>
    public const int PopulateLimit = 4 * 1024 * 1024;

    public static async Task<(byte[]? Body, WireResult? Error)> ReadAsync(HttpRequest request, int limit)
    {
        var feature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        if (request.ContentLength > limit) return (null, TooLarge(limit));
        try
        {
            using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return buffer.Length > limit ? (null, TooLarge(limit)) : (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, WireResult.Error(StatusCodes.Status400BadRequest, "bad request body: " + ex.Message));
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client went away mid-body; nobody will read this answer, but nothing is thrown at Kestrel either.
            return (null, WireResult.Error(StatusCodes.Status400BadRequest, "bad request body: " + ex.Message));
        }
    }

    private static WireResult TooLarge(int limit) => WireResult.Error(
        StatusCodes.Status413PayloadTooLarge, string.Create(CultureInfo.InvariantCulture, $"request body too large: at most {limit} bytes"));
}
