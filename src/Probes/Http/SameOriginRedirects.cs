using System.Net;

namespace Harness.Probes.Http;

/// <summary>
/// Follows redirects that stay on the request's origin (scheme, host and port), at most <see cref="MaxHops"/> of them,
/// so a request that needs an extra round trip is measured as one request including it. A redirect elsewhere is not
/// followed: the probe only touches the hosts it was given, and that response is what the probe judges.
/// </summary>
internal sealed class SameOriginRedirects(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const int MaxHops = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var hop = 0; hop < MaxHops && Next(request, response) is { } next; hop++)
        {
            response.Dispose();
            if (response.StatusCode == HttpStatusCode.SeeOther && request.Method != HttpMethod.Head)
            {
                request.Method = HttpMethod.Get;
                request.Content = null;
            }
            request.RequestUri = next;
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        return response;
    }

    private static Uri? Next(HttpRequestMessage request, HttpResponseMessage response)
    {
        if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
            return null;
        var next = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
        var from = request.RequestUri!;
        var sameOrigin =
            next.Scheme == from.Scheme && string.Equals(next.Host, from.Host, StringComparison.OrdinalIgnoreCase) && next.Port == from.Port;
        return sameOrigin ? next : null;
    }
}
