using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Server.Logging;

/// <summary>A factory over the one JSON-lines provider; no filter rules besides the provider's own minimum.</summary>
internal sealed class JsonLineLoggerFactory(JsonLineLoggerProvider provider) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
        // One sink by design; extra providers are not supported.
    }

    public void Dispose() => provider.Dispose();
}
