using System.Net.Http.Headers;
using System.Text;
using Harness.Reports.Model;

namespace Harness.Exporting;

/// <summary>
/// Pushes a run's families to a Prometheus Pushgateway: <c>PUT URL/metrics/job/harness/scenario/NAME[/cell/CELL]</c>,
/// so each scenario (and matrix cell) is one group whose metrics the next run of it replaces. A grouping value that
/// is not plain (anything but letters, digits, '_', '-' and '.', or no letter or digit at all, like '..') is sent base64url-encoded
/// (<c>scenario@base64/...</c>),
/// as the Pushgateway defines, so a '/' or a newline in a name cannot break the path.
/// </summary>
public static class Pushgateway
{
    public const string Job = "harness";

    /// <summary>The group's address under <paramref name="baseUrl"/> (its path kept: a Pushgateway behind a prefix).</summary>
    public static Uri GroupUrl(Uri baseUrl, string scenario, string? cell)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var path = new StringBuilder(baseUrl.AbsolutePath.TrimEnd('/'));
        path.Append("/metrics/job/").Append(Job);
        Append(path, "scenario", scenario);
        if (cell is not null)
            Append(path, "cell", cell);
        return new UriBuilder(baseUrl)
        {
            Path = path.ToString(),
            Query = "",
            Fragment = "",
        }.Uri;
    }

    /// <summary>
    /// Sends the run's metrics; throws <see cref="HttpRequestException"/> on a non-2xx answer (with its body's first line).
    /// </summary>
    public static async Task PushAsync(HttpClient http, Uri baseUrl, RunResults results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(results);
        var body = PrometheusText.Render(ResultSeries.From(results));
        using var request = new HttpRequestMessage(HttpMethod.Put, GroupUrl(baseUrl, results.Scenario.Name, results.Scenario.Cell))
        {
            Content = new StringContent(body, new UTF8Encoding(false)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(PrometheusText.ContentType);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException(
                $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {FirstLine(text)}",
                null,
                response.StatusCode
            );
        }
    }

    private static void Append(StringBuilder path, string label, string value)
    {
        if (value.Any(char.IsAsciiLetterOrDigit) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            path.Append('/').Append(label).Append('/').Append(value);
            return;
        }
        // Empty is "=" in the Pushgateway's base64 form.
        var encoded = value.Length == 0 ? "=" : Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_');
        path.Append('/').Append(label).Append("@base64/").Append(encoded);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "..." : line;
    }
}
