using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Proxying;

/// <summary>Shared by every proxy of an engine: clock, root seed and logger.</summary>
internal sealed record ProxyRuntime(TimeProvider Time, long Seed, ILogger Logger);
