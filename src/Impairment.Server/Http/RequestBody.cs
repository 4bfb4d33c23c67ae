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

    public static async Task<BodyRead> ReadAsync(HttpRequest request, int limit)
    {
        var feature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
            feature.MaxRequestBodySize = limit;
        if (request.ContentLength > limit)
            return TooLarge(limit);
        try
        {
            return request.ContentLength is { } length and <= DefinitionLimit
                ? await ReadExactlyAsync(request, (int)length).ConfigureAwait(false)
                : await ReadGrowingAsync(request, limit).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        catch (BadHttpRequestException ex)
        {
            return new BodyRead(null, StatusCodes.Status400BadRequest, "bad request body: " + ex.Message);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client went away mid-body; nobody will read this answer, but nothing is thrown at Kestrel either.
            return new BodyRead(null, StatusCodes.Status400BadRequest, "bad request body: " + ex.Message);
        }
    }

    // A small declared length is read straight into an array of that size: no growing buffer, no second copy.
    private static async Task<BodyRead> ReadExactlyAsync(HttpRequest request, int length)
    {
        var body = new byte[length];
        await request.Body.ReadExactlyAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return new BodyRead(body, StatusCodes.Status200OK, "");
    }

    // Chunked, or a large declared length: memory grows as bytes arrive, so announcing 4 MiB and sending nothing
    // pins nothing (Kestrel's minimum data rate ends such a request after a few seconds).
    private static async Task<BodyRead> ReadGrowingAsync(HttpRequest request, int limit)
    {
        using var buffer = new MemoryStream(64 * 1024);
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        // The stream's own buffer, not a copy of it: one allocation less of up to the limit.
        if (buffer.Length > limit)
            return TooLarge(limit);
        return new BodyRead(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), StatusCodes.Status200OK, "");
    }

    private static BodyRead TooLarge(int limit) =>
        new(
            null,
            StatusCodes.Status413PayloadTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"request body too large: at most {limit} bytes")
        );
}

/// <summary>A body read in full (<see cref="Body"/>), or why not: the status (400, 413) and message to answer with.</summary>
internal readonly record struct BodyRead(ReadOnlyMemory<byte>? Body, int Status, string Error)
{
    public WireResult ErrorResult() => WireResult.Error(Status, Error);
}
