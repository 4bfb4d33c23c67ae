namespace Harness.Orchestration;

/// <summary>
/// The target or the harness's own infrastructure is unusable (exit code 3): a service that never got ready, an unreachable Toxiproxy.
/// </summary>
internal sealed class InfrastructureException(string message, Exception? inner = null) : Exception(message, inner);
