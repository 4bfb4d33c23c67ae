using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

internal static class TargetValidator
{
    public static TargetSpec Validate(TargetDocument? target, ValueReader values)
    {
        if (target is null)
            return new TargetSpec(null, []);
        var baseUrl = values.AbsoluteUrl(target.BaseUrl, "target.base_url", null, "http", "https");
        return new TargetSpec(baseUrl, target.AllowHosts.Select(h => h.Value).ToList());
    }
}
