using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary><c>versions:</c> (name to host) and <c>gray_release:</c> as written.</summary>
internal sealed record GrayReleaseDocument(
    IReadOnlyList<(Located<string> Name, Located<string>? Host)> Versions,
    SourceLocation? VersionsLocation,
    GrayReleaseGateDocument? Gate
);

internal sealed record GrayReleaseGateDocument(
    SourceLocation Location,
    Located<string>? Baseline,
    Located<string>? Candidate,
    IReadOnlyList<Located<string>> Metrics,
    Located<string>? MinEffect
);

/// <summary>Reads <c>versions:</c> and <c>gray_release:</c> from the scenario's root.</summary>
internal static class GrayReleaseReader
{
    public static readonly string[] Version = ["host"];
    public static readonly string[] Gate = ["baseline", "candidate", "metrics", "min_effect"];

    public static GrayReleaseDocument? Read(MappingReader root)
    {
        var versionsNode = root.Node("versions");
        var gateReader = MappingReader.Open(root.Node("gray_release"), "gray_release", root.Context, Gate);
        if (versionsNode is null && gateReader is null)
            return null;
        var versions = new List<(Located<string>, Located<string>?)>();
        if (versionsNode is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                var name = new Located<string>((key as YamlScalarNode)?.Value ?? string.Empty, root.Context.At(key));
                var entry = MappingReader.Open(value, $"version '{name.Value}'", root.Context, Version);
                versions.Add((name, entry?.Scalar("host", required: true)));
            }
        }
        else if (versionsNode is not null)
        {
            root.Context.Error(
                versionsNode,
                "versions must map each version's name to { host: ... }, e.g. versions: { A: { host: a.liveroom.test } }"
            );
        }
        var gate = gateReader is null
            ? null
            : new GrayReleaseGateDocument(
                gateReader.Location,
                gateReader.Scalar("baseline", required: true),
                gateReader.Scalar("candidate", required: true),
                gateReader.ScalarList("metrics"),
                gateReader.Scalar("min_effect")
            );
        return new GrayReleaseDocument(versions, versionsNode is null ? null : root.Context.At(versionsNode), gate);
    }
}
