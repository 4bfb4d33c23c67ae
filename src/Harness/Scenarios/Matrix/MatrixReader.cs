using System.Globalization;
using Harness.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Matrix;

/// <summary>Reads a file's matrix (and the seed that orders a pairwise cover) before the scenario itself is read per cell.</summary>
internal static class MatrixReader
{
    public static (MatrixPlan? Plan, int Seed) Read(string text, string display, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return (null, 0); // the scenario reader reports syntax errors with their location
        }
        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root) return (null, 0);
        var seedNode = root.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "seed").Value as YamlScalarNode;
        var seed = int.TryParse(seedNode?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return (MatrixPlan.Read(root, new YamlReadContext(display, diagnostics)), seed);
    }
}
