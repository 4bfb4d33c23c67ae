using System.Globalization;
using System.Text;
using Harness.Probes.Internal;

namespace Harness.Probes.Http;

/// <summary>The response a request got, as far as checks need it; null response when none came.</summary>
internal sealed record ResponseFacts(int? Status, HttpResponseMessage? Response, ReadOnlyMemory<byte> Body);

/// <summary>
/// Evaluates a probe's expectations into named pass/fail results. Names and parsed paths are built once;
/// evaluation never throws (a body that is not JSON simply fails its JSON checks).
/// </summary>
internal sealed class ResponseChecks
{
    private readonly List<(string Name, Func<ResponseFacts, bool> Passes)> _checks = [];

    public ResponseChecks(HttpProbeOptions options)
    {
        var status = options.ExpectedStatus;
        _checks.Add(($"status is {status.ToString(CultureInfo.InvariantCulture)}", r => r.Status == status));
        var expect = options.Expect ?? new HttpExpectations();
        foreach (var text in expect.BodyContains ?? [])
            _checks.Add(($"body contains \"{text}\"", r => Encoding.UTF8.GetString(r.Body.Span).Contains(text, StringComparison.Ordinal)));
        foreach (var (path, expected) in expect.JsonPathEquals ?? new Dictionary<string, string>())
        {
            var json = new JsonPath(path);
            _checks.Add(
                ($"json {path} == \"{expected}\"", r => json.TryReadText(r.Body.Span, out var actual) && JsonEquals(actual, expected))
            );
        }
        foreach (var (name, expected) in expect.HeaderContains ?? new Dictionary<string, string>())
            _checks.Add(($"header {name} contains \"{expected}\"", r => HeaderContains(r.Response, name, expected)));
    }

    public IEnumerable<(string Name, bool Passed)> Evaluate(ResponseFacts facts) =>
        _checks.Select(c => (c.Name, facts.Response is not null && c.Passes(facts)));

    private static bool JsonEquals(string? actual, string expected)
    {
        if (string.Equals(actual, expected, StringComparison.Ordinal))
            return true;
        const NumberStyles number = NumberStyles.Float;
        return double.TryParse(actual, number, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(expected, number, CultureInfo.InvariantCulture, out var e)
            && a == e;
    }

    private static bool HeaderContains(HttpResponseMessage? response, string name, string expected)
    {
        if (response is null)
            return false;
        if (!response.Headers.TryGetValues(name, out var values) && !response.Content.Headers.TryGetValues(name, out values))
            return false;
        return string.Join(", ", values).Contains(expected, StringComparison.OrdinalIgnoreCase);
    }
}
