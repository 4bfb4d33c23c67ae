using Harness.Orchestration;
using Harness.Scenarios.Loading;
using Harness.Scenarios.Model;
using Harness.Tests.Reports.Matrix;
using Harness.TestSupport;

namespace Harness.Tests.Secrets;

/// <summary>A launched service's output is masked line by line as it is written to its log artifact.</summary>
public sealed class ServiceLogRedactionTests
{
    [Test]
    public async Task ServiceLog_HoldsNoFormOfTheSecret()
    {
        const string secret = "ab+c/d=\"e&f<%";
        using var folder = new TemporaryFolder();
        var spec = new ServiceSpec(
            "echo",
            ["sh", "-c", "echo \"token=$SECRET\"; echo \"url=$ENCODED\" >&2; echo done"],
            folder.Path,
            null,
            null,
            TimeSpan.FromSeconds(5),
            new Dictionary<string, string> { ["SECRET"] = secret, ["ENCODED"] = Uri.EscapeDataString(secret) }
        );
        using var http = new HttpClient();
        var launcher = new ServiceLauncher(TimeProvider.System, http, _ => { }) { Redact = new Redactor([secret]).Apply };

        await using (var service = launcher.Start(spec, folder.Path))
        {
            await WaitForAsync(() => service.HasExited && File.ReadAllText(service.LogPath).Contains("done", StringComparison.Ordinal));
        }

        var log = File.ReadAllText(Path.Combine(folder.Path, "service-echo.log"));
        Assert.That(log, Does.Contain("token=***").And.Contain("url=***"));
        Assert.That(SecretForms.FoundIn(log, secret), Is.Null, log);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(50);
    }
}
