using System.Globalization;
using Harness.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Matrix;

/// <summary>Reads a file's matrix (and the seed that orders a pairwise cover) before the scenario itself is read per cell.</summary>
internal static class MatrixReader
{
    /// <param name="environment">For <c>${env:NAME}</c> in variables the matrix uses.</param>
    /// <param name="values">Variable values from the command line (<c>--var</c>), which the matrix may use.</param>
    public static (MatrixPlan? Plan, int Seed) Read(
        string text,
        string display,
        DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyDictionary<string, string>? values = null
    )
    {
        // Syntax errors are reported once, by the scenario reader.
        var stream = YamlText.Load(text, display, null);
        if (stream is null)
            return (null, 0);
        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root)
            return (null, 0);
        var seedNode = root.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "seed").Value as YamlScalarNode;
        var seed = int.TryParse(seedNode?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        // The matrix may use the scenario's variables (mode: ${mode}); a cell's own values do not exist yet.
        var matrix = root.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "matrix").Value;
        if (matrix is not null)
        {
            var scratch = new YamlReadContext(display, new DiagnosticBag());
            new Templater(scratch, environment ?? new Dictionary<string, string>(), values).ApplyTo(root, matrix);
        }
        return (MatrixPlan.Read(root, new YamlReadContext(display, diagnostics)), seed);
    }
}
