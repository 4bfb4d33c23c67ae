namespace Harness.Impairment.Model;

/// <summary>
/// The answer to a toxic change and, when live connections must switch to the new chain, the task that completes
/// once they run it (null when nothing changed or nothing needs to adopt it, e.g. a UDP proxy's next datagram).
/// </summary>
internal readonly record struct ToxicChange<TResult>(TResult Result, Task? Adoption);
