using System.CommandLine;
using Harness.Cli;
using Harness.Exporting;

namespace Harness.Tests.Cli;

public sealed class ExportOptionsTests
{
    [Test]
    public void Masked_WebhookPathAndUserInfo_NeverRecorded()
    {
        string[] args =
        [
            "run",
            "a.yaml",
            "--notify",
            "https://hooks.example.com/services/T1/B2/sekrit",
            "--push",
            "http://u:pw@gw:9091/",
            "--otlp=http://u:pw@otel:4318/v1/metrics",
            "--seed",
            "3",
        ];

        var masked = string.Join(' ', ExportOptions.Masked(args));

        Assert.That(
            masked,
            Is.EqualTo(
                "run a.yaml --notify https://hooks.example.com/*** --push http://gw:9091/ --otlp=http://otel:4318/v1/metrics --seed 3"
            )
        );
    }

    [TestCase("not a url")]
    [TestCase("ftp://host/x")]
    [TestCase("/relative/path")]
    public void Parse_NotAnHttpUrl_OneLineErrorNamingTheOption(string raw)
    {
        var errors = new List<string>();

        Assert.That(ExportTargets.Parse(raw, "--push", "http://127.0.0.1:9091", errors), Is.Null);
        Assert.That(
            errors.Single(),
            Does.StartWith("--push '").And.Contain("is not an absolute http:// or https:// URL (e.g. http://127.0.0.1:9091)")
        );
    }

    [Test]
    public void Parse_WebhookWithSecretPath_ErrorHidesThePath()
    {
        var errors = new List<string>();

        ExportTargets.Parse("gopher://hooks.example.com/services/sekrit", "--notify", "x", errors);

        Assert.That(errors.Single(), Does.Not.Contain("sekrit"));
    }

    [Test]
    public void Read_ExportWithAlternatingComparison_ErrorSaysWhyAndWhatToDoInstead()
    {
        var (push, otlp, notify) = ExportOptions.Create();
        var command = new RootCommand { push, otlp, notify };
        var errors = new List<string>();

        ExportOptions.Read(command.Parse(["--push", "http://127.0.0.1:9091/"]), push, otlp, notify, alternating: true, errors);

        Assert.That(
            errors.Single(),
            Does.StartWith("--push, --otlp and --notify apply to runs, not to an alternating comparison")
                .And.Contain("its verdict is the comparison's, not a run's")
                .And.Contain("could not be told apart")
                .And.Contain("run each side on its own")
        );
    }
}
