using Harness.Impairment.Control;
using Harness.Impairment.Server.Http;
using Microsoft.Extensions.Logging;

namespace Harness.Impairment.Server;

/// <summary>
/// The -config file: the /populate body, applied once before the API listens. As in Toxiproxy a failure is
/// logged and the server runs with whatever was created.
/// </summary>
internal static class ConfigFile
{
    public static async Task ApplyAsync(ImpairmentEngine engine, string path, ILogger logger, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            ServerLog.ConfigFailed(logger, path, ex.Message);
            return;
        }
        catch (UnauthorizedAccessException ex)
        {
            ServerLog.ConfigFailed(logger, path, ex.Message);
            return;
        }
        var specs = RequestBodies.ProxyList(body);
        if (!specs.IsSuccess)
        {
            ServerLog.ConfigFailed(logger, path, specs.Error.Message);
            return;
        }
        var result = await engine.PopulateAsync(specs.Value, cancellationToken).ConfigureAwait(false);
        if (result.Error is not null)
            ServerLog.ConfigFailed(logger, path, result.Error.Message);
        else
            ServerLog.ConfigApplied(logger, path, result.Proxies.Count);
    }
}
