using Harness.Reports.Model;
using Harness.Toxiproxy.Client;

namespace Harness.Orchestration;

/// <summary>What the server reported for a toxic, as the results record it.</summary>
internal static class ToxicResults
{
    public static ToxicResult From(string proxy, ToxicInfo info) =>
        new(proxy, info.Name, info.Type, info.Stream.ToString().ToLowerInvariant(), info.Toxicity, info.Attributes);
}
