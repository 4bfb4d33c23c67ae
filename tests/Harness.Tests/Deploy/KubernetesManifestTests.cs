using System.Text.Json;
using System.Text.RegularExpressions;
using Harness.Sharding;
using Harness.TestSupport;
using static Harness.Tests.Deploy.YamlTree;

namespace Harness.Tests.Deploy;

/// <summary>
/// deploy/k8s/ checked without kubectl: the fields Kubernetes requires, and that the shards, the merge and the image agree.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private const string Folder = "deploy/k8s";

    private static readonly Dictionary<string, string> ApiVersions = new(StringComparer.Ordinal)
    {
        ["PersistentVolumeClaim"] = "v1",
        ["Job"] = "batch/v1",
        ["CronJob"] = "batch/v1",
    };

    private static IEnumerable<string> Manifests() =>
        Directory
            .GetFiles(Path.Combine(RepositoryPaths.Root, Folder), "*.yaml")
            .Select(f => $"{Folder}/{Path.GetFileName(f)}")
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> JobManifests() => ["deploy/k8s/indexed-job.yaml", "deploy/k8s/cronjob.yaml"];

    [TestCaseSource(nameof(Manifests))]
    public void Manifest_HasTheApiVersionOfItsKindAndAName(string file)
    {
        var manifest = Load(file);

        var kind = Str(manifest, "kind");
        Assert.That(ApiVersions.ContainsKey(kind), Is.True, $"{file}: kind {kind}");
        Assert.That(Str(manifest, "apiVersion"), Is.EqualTo(ApiVersions[kind]));
        var metadata = Map(manifest, "metadata");
        Assert.That(
            metadata.ContainsKey("name") || metadata.ContainsKey("generateName"),
            Is.True,
            $"{file}: metadata.name or generateName"
        );
        Assert.That(Map(manifest, "spec"), Is.Not.Empty);
    }

    [TestCaseSource(nameof(JobManifests))]
    public async Task Job_IsIndexedAndEachPodRunsTheShardOfItsCompletionIndex(string file)
    {
        var job = JobSpec(Load(file));
        Assert.That(Str(job, "completionMode"), Is.EqualTo("Indexed"));
        var n = int.Parse(Str(job, "completions"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Str(job, "parallelism"), Is.EqualTo(Str(job, "completions")), "every shard at once");
        var pod = Map(Map(job, "template"), "spec");
        Assert.That(Str(pod, "restartPolicy"), Is.EqualTo("Never"), "backoffLimitPerIndex needs restartPolicy Never");
        var shard = Container(pod, "shard");
        Assert.That(
            shard.ContainsKey("command"),
            Is.False,
            "the image's ENTRYPOINT (dotnet /app/harness.dll) runs: args are harness arguments"
        );
        var args = Seq(shard, "args").Select(a => Str(a, "args")).ToList();
        Assert.That(args[0], Is.EqualTo("run"));
        var shardArg = args[args.IndexOf("--shard") + 1];
        Assert.That(shardArg, Is.EqualTo($"$(JOB_COMPLETION_INDEX)/{n}"), "the N of --shard i/N is completions");
        Assert.That(
            Str(Env(Container(pod, "merge"), "SHARDS")!, "value"),
            Is.EqualTo(n.ToString(System.Globalization.CultureInfo.InvariantCulture))
        );
        foreach (var variable in args.SelectMany(a => Reference().Matches(a).Select(m => m.Groups[1].Value)).Distinct())
        {
            Assert.That(
                variable == "JOB_COMPLETION_INDEX" || Env(shard, variable) is not null,
                Is.True,
                $"$({variable}) is defined for the container"
            );
        }
        for (var index = 0; index < n; index++)
        {
            var concrete = args.Select(a =>
                    a.Replace(
                            "$(JOB_COMPLETION_INDEX)",
                            index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            StringComparison.Ordinal
                        )
                        .Replace("$(JOB_NAME)", "harness-nightly-1", StringComparison.Ordinal)
                )
                .ToList();
            Assert.That(ShardSpec.TryParse(concrete[args.IndexOf("--shard") + 1], out var spec, out var error), Is.True, error);
            Assert.That(spec, Is.EqualTo(new ShardSpec(index, n)));
            Assert.That(await ParseWithCliAsync(concrete), Is.Zero, $"the CLI accepts: {string.Join(' ', concrete)}");
        }
    }

    [TestCaseSource(nameof(JobManifests))]
    public async Task Job_MergeContainerRunsARealMergeOfTheShardFoldersOnTheSharedVolume(string file)
    {
        var pod = Map(Map(JobSpec(Load(file)), "template"), "spec");
        var merge = Container(pod, "merge");
        var script = Str(Seq(merge, "args")[0], "merge args");
        var entrypoint = Entrypoint();
        var invocation = script.Split('\n').Single(l => l.Contains(entrypoint + " merge", StringComparison.Ordinal));
        var tokens = invocation[(invocation.IndexOf(entrypoint, StringComparison.Ordinal) + entrypoint.Length)..]
            .Split("||")[0]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('"').Replace("$run", "/reports/job", StringComparison.Ordinal))
            .ToList();
        Assert.That(await ParseWithCliAsync(tokens), Is.Zero, $"the CLI accepts: {string.Join(' ', tokens)}");
        Assert.That(
            script,
            Does.Contain("run=\"/reports/$JOB_NAME\"").And.Contain("shard-*/shard.json").And.Contain("\"$JOB_COMPLETION_INDEX\" = 0")
        );
        var shardArgs = Seq(Container(pod, "shard"), "args").Select(a => Str(a, "args")).ToList();
        Assert.That(
            shardArgs[shardArgs.IndexOf("--report-dir") + 1],
            Is.EqualTo("/reports/$(JOB_NAME)/shard-$(JOB_COMPLETION_INDEX)"),
            "the shards write where the merge looks"
        );
        foreach (var container in new[] { Container(pod, "shard"), merge })
        {
            var label = Map(Map(Env(container, "JOB_NAME")!, "valueFrom"), "fieldRef");
            Assert.That(Str(label, "fieldPath"), Is.EqualTo("metadata.labels['batch.kubernetes.io/job-name']"));
        }
    }

    [TestCaseSource(nameof(JobManifests))]
    public void Job_VolumeMountsMatchVolumesAndTheClaimIsTheSharedOne(string file)
    {
        var pod = Map(Map(JobSpec(Load(file)), "template"), "spec");
        var volumes = Seq(pod, "volumes").Select(v => Map(v, "volume")).ToDictionary(v => Str(v, "name"), StringComparer.Ordinal);
        var claim = Str(Map(Load("deploy/k8s/pvc.yaml"), "metadata"), "name");
        Assert.That(Str(Map(volumes["reports"], "persistentVolumeClaim"), "claimName"), Is.EqualTo(claim));
        var image = Str(Seq(pod, "containers").Select(c => Map(c, "container")).First(), "image");
        foreach (var container in Seq(pod, "containers").Select(c => Map(c, "container")))
        {
            Assert.That(Str(container, "image"), Is.EqualTo(image), "one image for every container");
            foreach (var mount in Seq(container, "volumeMounts").Select(m => Map(m, "volumeMount")))
            {
                Assert.That(volumes.ContainsKey(Str(mount, "name")), Is.True, $"{Str(container, "name")} mounts {Str(mount, "name")}");
                Assert.That(Str(mount, "mountPath"), Is.EqualTo("/reports"));
            }
        }
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Folder, "Dockerfile"));
        Assert.That(
            dockerfile,
            Does.Contain($"-t {image.Split(':')[0]} .").And.Contain("\nFROM harness:latest\n"),
            "the image is deploy/k8s/Dockerfile's, built on the harness image"
        );
        Assert.That(
            dockerfile
                .Split('\n')
                .Where(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) || l.StartsWith("CMD", StringComparison.Ordinal)),
            Is.Empty,
            "it keeps the harness image's ENTRYPOINT, so args are harness arguments"
        );
        Assert.That(dockerfile, Does.Contain("docker build -f src/Harness/Dockerfile -t harness ."));
    }

    [Test]
    public void CronJob_RunsNightlyTheSamePodsAsTheIndexedJob()
    {
        var cron = Load("deploy/k8s/cronjob.yaml");
        var schedule = Str(Map(cron, "spec"), "schedule");

        Assert.That(schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5), "a five-field cron schedule");
        Assert.That(
            JsonSerializer.Serialize(Map(JobSpec(cron), "template")),
            Is.EqualTo(JsonSerializer.Serialize(Map(JobSpec(Load("deploy/k8s/indexed-job.yaml")), "template")))
        );
        Assert.That(Str(JobSpec(cron), "completions"), Is.EqualTo(Str(JobSpec(Load("deploy/k8s/indexed-job.yaml")), "completions")));
    }

    [Test]
    public async Task ParseWithCli_RejectsWhatTheCliRejects()
    {
        Assert.That(await ParseWithCliAsync(["run", "suite", "--shard-count", "4"]), Is.EqualTo(2));
        Assert.That(await ParseWithCliAsync(["merge", "shards"]), Is.EqualTo(2), "--out is required");
        Assert.That(await ParseWithCliAsync(["run", "suite", "--shard", "0/4", "--no-color"]), Is.Zero);
    }

    private static Dictionary<string, object> JobSpec(Dictionary<string, object> manifest) =>
        Str(manifest, "kind") == "CronJob" ? Map(Map(Map(manifest, "spec"), "jobTemplate"), "spec") : Map(manifest, "spec");

    private static Dictionary<string, object> Container(Dictionary<string, object> pod, string name) =>
        Seq(pod, "containers").Select(c => Map(c, "container")).Single(c => Str(c, "name") == name);

    private static Dictionary<string, object>? Env(Dictionary<string, object> container, string name) =>
        Seq(container, "env").Select(e => Map(e, "env")).SingleOrDefault(e => Str(e, "name") == name);

    /// <summary>src/Harness/Dockerfile's ENTRYPOINT as a command line ("dotnet /app/harness.dll").</summary>
    private static string Entrypoint()
    {
        var line = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src/Harness/Dockerfile"))
            .Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
        return string.Join(' ', JsonSerializer.Deserialize<string[]>(line["ENTRYPOINT".Length..])!);
    }

    [GeneratedRegex(@"\$\(([A-Z_]+)\)")]
    private static partial Regex Reference();
}
