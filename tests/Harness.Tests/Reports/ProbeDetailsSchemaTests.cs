using System.Text.Json;
using Harness.Reports;
using Harness.Reports.Model;
using Harness.TestSupport;

namespace Harness.Tests.Reports;

/// <summary>
/// The WebSocket per-client details and the load plan are declared in schema/results.schema.json and survive a round trip.
/// </summary>
public sealed class ProbeDetailsSchemaTests
{
    private static readonly SchemaValidator Schema = SchemaValidator.Load(
        Path.Combine(RepositoryPaths.Root, "schema", "results.schema.json")
    );

    [Test]
    public void WebSocketAndLoadDetails_AreDeclaredInTheSchemaAndRoundTrip()
    {
        var results = LargeRun.Build();
        var json = JsonSerializer.Serialize(results, ResultsJson.Options);
        var path = Path.Combine(Directory.CreateTempSubdirectory("harness-schema-").FullName, "results.json");
        File.WriteAllText(path, json);
        try
        {
            Assert.That(Schema.Validate(JsonDocument.Parse(json).RootElement), Is.Empty);
            Assert.That(
                json,
                Does.Contain("\"websocket\": {")
                    .And.Contain("\"unread_examples\"")
                    .And.Contain("\"load\": {")
                    .And.Contain("\"planned_iterations\": 720000")
            );
            var again = ResultsJson.Load(path);
            Assert.That(again.Probes[0].WebSocket!.Clients, Has.Count.EqualTo(LargeRun.Clients));
            Assert.That(again.Probes[0].WebSocket!.Clients[5], Is.EqualTo(results.Probes[0].WebSocket!.Clients[5]));
            Assert.That(again.Probes[2].Load, Is.EqualTo(results.Probes[2].Load));
            Assert.That(again.Probes[1].WebSocket, Is.Null, "other kinds write null");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public void Schema_RejectsAClientWithAnUndeclaredField()
    {
        var document = JsonDocument
            .Parse(
                """{"clients":[{"client":0,"received":1,"lost":0,"duplicated":0,"reordered":0,"disconnects":0,"reconnects":0,"extra":1}],"unread_messages":0,"unread_examples":[]}"""
            )
            .RootElement;

        var wrapped = JsonDocument
            .Parse(
                $$"""{"schema_version":1,"probes":[{"name":"x","kind":"websocket","url":"ws://x","metrics":[],"websocket":{{document.GetRawText()}}}]}"""
            )
            .RootElement;

        Assert.That(Schema.Validate(wrapped), Has.Some.Contains("$.probes[0].websocket.clients[0].extra: not declared"));
    }
}
