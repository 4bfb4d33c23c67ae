using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Scenarios.Loading;
using Harness.Secrets;
using Harness.Tests.Reports.Matrix;
using Harness.TestSupport;

namespace Harness.Tests.Secrets;

/// <summary>
/// After a run, its artifacts are searched: text files and the text entries of trace zips are masked in place;
/// what cannot be searched (images, videos, a trace's screenshots) is named as possibly holding secrets.
/// </summary>
public sealed class ArtifactRedactionTests
{
    private const string Secret = "ab+c/d=\"e&f<%";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];

    [Test]
    public void Apply_MasksTextArtifactsAndTraceEntries_AndNamesWhatItCannotSearch()
    {
        using var folder = new TemporaryFolder();
        var artifacts = Path.Combine(folder.Path, "artifacts");
        Directory.CreateDirectory(artifacts);
        WriteTrace(Path.Combine(artifacts, "page-p1-1-trace.zip"));
        File.WriteAllText(
            Path.Combine(artifacts, "harness-error.txt"),
            $"System.Exception: GET http://a.test/?t={Uri.EscapeDataString(Secret)} failed"
        );
        File.WriteAllText(Path.Combine(artifacts, "decisions.jsonl"), JsonSerializer.Serialize(new { note = Secret }) + "\n");
        File.WriteAllBytes(Path.Combine(artifacts, "page-p1-1-joined.png"), Jpeg);

        var unsearched = ArtifactRedaction.Apply(folder.Path, new Redactor([Secret]));

        Assert.That(unsearched, Is.EqualTo(new[] { "artifacts/page-p1-1-joined.png", "artifacts/page-p1-1-trace.zip" }));
        using var zip = ZipFile.OpenRead(Path.Combine(artifacts, "page-p1-1-trace.zip"));
        Assert.Multiple(() =>
        {
            foreach (var entry in zip.Entries.Where(e => !e.Name.EndsWith(".jpeg", StringComparison.Ordinal)))
            {
                var text = Read(entry);
                Assert.That(SecretForms.FoundIn(text, Secret), Is.Null, $"{entry.FullName}: {text}");
                Assert.That(SecretForms.FragmentIn(text, Secret, 5), Is.Null, $"{entry.FullName}: {text}");
                if (entry.Name.StartsWith("trace.", StringComparison.Ordinal))
                {
                    foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                        Assert.DoesNotThrow(() => JsonNode.Parse(line), line);
                }
            }
            using var frame = new MemoryStream();
            zip.GetEntry("resources/frame.jpeg")!.Open().CopyTo(frame);
            Assert.That(frame.ToArray(), Is.EqualTo(Jpeg), "binary entries are kept as they were");
            Assert.That(
                Read(zip.GetEntry("trace.network")!),
                Does.Contain("\"name\":\"Authorization\""),
                "the rest of the trace is intact"
            );
            Assert.That(
                Read(zip.GetEntry("trace.network")!),
                Does.Contain("[{\"name\":\"token\",\"value\":\"***\"},{\"name\":\"x\",\"value\":\"1\"}]"),
                "the query pairs rebuilt from the masked URL"
            );
        });
        HostileSecretOutputTests.AssertCleanExcept(folder.Path, Secret, ".png", ".zip");
    }

    [Test]
    public void Apply_WithoutSecrets_TouchesNothingAndNamesNothing()
    {
        using var folder = new TemporaryFolder();
        var artifacts = Path.Combine(folder.Path, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllBytes(Path.Combine(artifacts, "shot.png"), Jpeg);

        Assert.That(ArtifactRedaction.Apply(folder.Path, Redactor.None), Is.Empty);
    }

    private static void WriteTrace(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var network = JsonSerializer.Serialize(
            new
            {
                type = "resource-snapshot",
                snapshot = new
                {
                    request = new
                    {
                        url = $"http://a.test/room?token={Uri.EscapeDataString(Secret)}&x=1",
                        headers = new[] { new { name = "Authorization", value = "Bearer " + Secret } },
                        // As a HAR has it: the query split at & and decoded, which cuts the secret in two.
                        queryString = new[]
                        {
                            new { name = "token", value = "ab c/d=\"e" },
                            new { name = "f<%", value = "" },
                            new { name = "x", value = "1" },
                        },
                    },
                },
            }
        );
        Add(zip, "trace.network", Encoding.UTF8.GetBytes(network + "\n"));
        Add(
            zip,
            "trace.trace",
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "action", url = "http://a.test/?t=" + Secret }) + "\n")
        );
        Add(zip, "resources/page.html", Encoding.UTF8.GetBytes($"<p>token: {System.Net.WebUtility.HtmlEncode(Secret)}</p>"));
        Add(zip, "resources/frame.jpeg", Jpeg);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
