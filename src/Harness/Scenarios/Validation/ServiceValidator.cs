using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Validation;

internal static class ServiceValidator
{
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<ServiceSpec> Validate(IReadOnlyList<ServiceDocument> services, string baseDirectory, ValueReader values)
    {
        ScenarioValidator.CheckUnique(services, s => s.Name, "service name", values.Diagnostics);
        var result = new List<ServiceSpec>();
        foreach (var service in services)
        {
            var name = ScenarioValidator.CheckName(service.Name, "service name", values.Diagnostics);
            if (service.Command.Count == 0)
                values.Diagnostics.Add(
                    service.Location,
                    "service: 'command' must name a program, e.g. [dotnet, run, --project, samples/LiveRoom]"
                );
            int? port = null;
            if (service.Port is { Value: not "auto" } rawPort)
                port = values.Integer(rawPort, "service port", 0, 1, 65535);
            var workingDirectory = Path.GetFullPath(Path.Combine(baseDirectory, service.WorkingDir?.Value ?? "."));
            if (service.ReadyUrl is not null)
            {
                values.AbsoluteUrl(
                    service.ReadyUrl with
                    {
                        Value = ServiceSpec.ExpandAddress(ServiceSpec.ExpandPort(service.ReadyUrl.Value, 1), ServiceSpec.LoopbackAddress),
                    },
                    "service ready_url",
                    null,
                    "http",
                    "https"
                );
            }
            var readyTimeout = values.Duration(service.ReadyTimeout, "service ready_timeout", DefaultReadyTimeout);
            if (service.Exits is { Value: not ("true" or "false") } exits)
                values.Diagnostics.Add(exits.Location, "service exits must be true or false");
            if (name is null || service.Command.Count == 0)
                continue;
            result.Add(
                new ServiceSpec(
                    name,
                    service.Command.Select(c => c.Value).ToList(),
                    workingDirectory,
                    port,
                    service.ReadyUrl?.Value,
                    readyTimeout,
                    service.Environment.ToDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal)
                )
                {
                    Region = service.Region?.Value,
                    Host = service.Host?.Value,
                    Exits = service.Exits?.Value == "true",
                }
            );
        }
        return result;
    }
}
