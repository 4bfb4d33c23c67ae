using System.Text.Json;
using Harness.Reports;
using Harness.Reports.Matrix;
using Harness.TestSupport;

namespace Harness.Tests.Reports.Matrix;

public sealed class MatrixJsonTests
{
    private static readonly SchemaValidator Schema = SchemaValidator.Load(
        Path.Combine(RepositoryPaths.Root, "schema", "matrix.schema.json")
    );

    [Test]
    public void MatrixJson_RoundTripsThroughTheModel()
    {
        var (matrix, _) = MatrixFixtures.Build(MatrixFixtures.TwoAxes(), failingCell: "slow-3g,latency=300ms", ran: 3);
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, MatrixJson.FileName);
        File.WriteAllText(path, MatrixJson.Serialize(matrix));

        var again = MatrixJson.Load(folder.Path);

        Assert.That(MatrixJson.Serialize(again), Is.EqualTo(MatrixJson.Serialize(matrix)));
        Assert.That(again.Cells[3].Status, Is.EqualTo(MatrixCellStatus.NotRun));
        Assert.That(
            again.Cells[2].Values,
            Is.EqualTo(new Dictionary<string, string> { ["network.profile"] = "slow-3g", ["latency"] = "0ms" })
        );
        Assert.That(again.Axes.Select(a => a.Name), Is.EqualTo(new[] { "network.profile", "latency" }));
    }

    [Test]
    public void MatrixJson_ConformsToTheSchema()
    {
        var (matrix, _) = MatrixFixtures.Build(MatrixFixtures.TwoAxes(), failingCell: "slow", ran: 3);
        matrix = matrix with
        {
            Filter = "*slow*",
            Description = null,
            Cells = [matrix.Cells[0] with { Errors = ["target unreachable"] }, .. matrix.Cells.Skip(1)],
        };
        var document = JsonDocument.Parse(MatrixJson.Serialize(matrix)).RootElement;

        Assert.That(Schema.Validate(document), Is.Empty);
        Assert.That(document.GetProperty("cells")[3].GetProperty("status").GetString(), Is.EqualTo("not_run"));
        Assert.That(
            document.GetProperty("cells")[0].GetProperty("results").GetString(),
            Is.EqualTo("cells/network.profile-fast-4g_latency-0ms/results.json")
        );
    }

    [Test]
    public void SchemaVersion_MatchesTheModel()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "matrix.schema.json"))).RootElement;

        Assert.That(
            schema.GetProperty("properties").GetProperty("schema_version").GetProperty("const").GetInt32(),
            Is.EqualTo(MatrixResults.CurrentSchemaVersion)
        );
    }

    [TestCase("""{"schema_version": 1}""", "not a harness matrix file")]
    [TestCase("""{"schema_version": 99, "matrix_id": "x"}""", "schema_version 99 is newer")]
    [TestCase("""{"schema_version": 1, "matrix_id": "x", "cells": 3}""", "not valid matrix JSON")]
    [TestCase("not json", "not valid matrix JSON")]
    public void Load_UnusableFile_SaysWhatIsWrong(string text, string message)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, MatrixJson.FileName), text);

        var e = Assert.Throws<ResultsUnreadableException>(() => MatrixJson.Load(folder.Path));

        Assert.That(e!.Message, Does.Contain(MatrixJson.FileName).And.Contain(message));
    }

    [Test]
    public void Load_ACellPointingOutsideTheMatrixFolder_IsRefused()
    {
        var (matrix, _) = MatrixFixtures.Build(MatrixFixtures.TwoAxes());
        using var folder = new TemporaryFolder();
        File.WriteAllText(
            Path.Combine(folder.Path, MatrixJson.FileName),
            MatrixJson.Serialize(matrix with { Cells = [matrix.Cells[0] with { Results = "../../secret/results.json" }] })
        );

        var e = Assert.Throws<ResultsUnreadableException>(() => MatrixJson.Load(folder.Path));

        Assert.That(e!.Message, Does.Contain("points outside the matrix folder"));
    }
}

/// <summary>A temporary folder, deleted afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("harness-matrix-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
