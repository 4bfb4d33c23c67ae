using System.Text;
using Harness.Impairment.Model;

namespace Harness.Impairment.Server.Http;

/// <summary>
/// A response with exact bytes and Content-Type; ASP.NET's JSON results would add a charset the real server does
/// not send. Error bodies are JSON under text/plain with a trailing newline, as Go's http.Error writes them.
/// </summary>
internal sealed class WireResult(int status, byte[]? body, string? contentType) : IResult
{
    public const string Json = "application/json";

    public static WireResult Ok(byte[] json, int status = StatusCodes.Status200OK) => new(status, json, Json);

    public static WireResult NoContent() => new(StatusCodes.Status204NoContent, null, null);

    public static WireResult Error(ImpairmentError error) => Error(ApiStatus.Of(error), error.Message);

    public static WireResult Error(int status, string message)
    {
        var json = WireJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteNumber("status", status);
            w.WriteEndObject();
        });
        return new WireResult(status, [.. json, (byte)'\n'], "text/plain; charset=utf-8");
    }

    public static WireResult Text(int status, string text, string contentType) => new(status, Encoding.UTF8.GetBytes(text), contentType);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        if (contentType is not null)
            response.ContentType = contentType;
        if (contentType?.StartsWith("text/plain", StringComparison.Ordinal) == true && status >= 400)
        {
            response.Headers.XContentTypeOptions = "nosniff";
        }
        if (body is not null)
        {
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
