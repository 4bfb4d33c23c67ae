namespace Harness.Toxiproxy.Client;

/// <summary>The server answered with an error status; <see cref="ApiMessage"/> is its <c>error</c> text.</summary>
public sealed class ToxiproxyApiException(int statusCode, string apiMessage, string operation)
    : Exception($"{operation}: HTTP {statusCode}: {apiMessage}")
{
    public int StatusCode { get; } = statusCode;

    public string ApiMessage { get; } = apiMessage;
}
