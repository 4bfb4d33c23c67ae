using Harness.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Matrix;

/// <summary>
/// A scenario's <c>matrix:</c>, read from the YAML before anything else. Axes whose name holds a '.' or '['
/// are paths into the scenario (<c>network.profile</c>, <c>probes[0].websocket.clients</c>); the others are
/// variables (<c>${client_version}</c>).
/// </summary>
internal sealed record MatrixPlan(IReadOnlyList<(string Axis, IReadOnlyList<string> Values)> Axes, bool Pairwise, IReadOnlyList<IReadOnlyDictionary<string, string>> Include, IReadOnlyList<IReadOnlyDictionary<string, string>> Exclude)
{
    public static readonly string[] Keys = ["axes", "mode", "include", "exclude"];

    public static MatrixPlan? Read(YamlMappingNode root, YamlReadContext context)
    {
        var key = root.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "matrix");
        if (key is null) return null;
        var node = root.Children[key];
        root.Children.Remove(key);
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, "matrix must be a mapping of axes to lists of values");
            return null;
        }
        // Flat form: every key is an axis. Structured form: { axes: {...}, mode: pairwise, include: [...], exclude: [...] }.
        var structured = mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "axes");
        var reader = structured ? MappingReader.Open(mapping, "matrix", context, Keys) : null;
        var axesNode = structured ? reader!.Node("axes") as YamlMappingNode : mapping;
        if (axesNode is null)
        {
            context.Error(node, "matrix.axes must be a mapping of axes to lists of values");
            return null;
        }
        var axes = new List<(string, IReadOnlyList<string>)>();
        foreach (var (axisKey, values) in axesNode.Children)
        {
            var name = (axisKey as YamlScalarNode)?.Value ?? string.Empty;
            if (values is not YamlSequenceNode { Children.Count: > 0 } list || list.Children.Any(v => v is not YamlScalarNode))
            {
                context.Error(values, $"matrix axis '{name}' must be a non-empty list of values");
                continue;
            }
            axes.Add((name, list.Children.Cast<YamlScalarNode>().Select(v => v.Value ?? string.Empty).ToList()));
        }
        var mode = reader?.Scalar("mode");
        if (mode is not null && mode.Value is not ("full" or "pairwise")) context.Diagnostics.Add(mode.Location, $"matrix mode '{mode.Value}' must be full or pairwise");
        return new MatrixPlan(axes, mode?.Value == "pairwise", Patterns(reader, "include", axes, context), Patterns(reader, "exclude", axes, context));
    }

    private static List<IReadOnlyDictionary<string, string>> Patterns(MappingReader? reader, string key, List<(string Axis, IReadOnlyList<string> Values)> axes, YamlReadContext context)
    {
        var result = new List<IReadOnlyDictionary<string, string>>();
        if (reader is null) return result;
        foreach (var item in reader.Sequence(key))
        {
            var names = axes.Select(a => a.Axis).ToArray();
            var pattern = MappingReader.Open(item, $"matrix {key} entry", context, names);
            if (pattern is not null) result.Add(pattern.Scalars(names).ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal));
        }
        return result;
    }

    /// <summary>The cells to run: the full product or a pairwise cover (seeded), minus exclusions, plus inclusions.</summary>
    public IReadOnlyList<MatrixCell> Cells(int seed)
    {
        MatrixCell ToCell(int[] index) => new(Axes.Select((a, i) => KeyValuePair.Create(a.Axis, a.Values[index[i]])).ToList());
        bool Allowed(int[] index) => !Exclude.Any(ToCell(index).Matches);
        var sizes = Axes.Select(a => a.Values.Count).ToList();
        IEnumerable<int[]> indexes = Pairwise ? PairwiseGenerator.Generate(sizes, seed, Allowed) : Product(sizes).Where(Allowed);
        var cells = indexes.Select(ToCell).ToList();
        foreach (var include in Include)
        {
            var cell = new MatrixCell(Axes.Where(a => include.ContainsKey(a.Axis)).Select(a => KeyValuePair.Create(a.Axis, include[a.Axis])).ToList());
            if (cells.All(c => c.Name != cell.Name)) cells.Add(cell);
        }
        return cells;
    }

    private static IEnumerable<int[]> Product(IReadOnlyList<int> sizes)
    {
        var index = new int[sizes.Count];
        while (true)
        {
            yield return (int[])index.Clone();
            var axis = sizes.Count - 1;
            while (axis >= 0 && ++index[axis] == sizes[axis]) index[axis--] = 0;
            if (axis < 0) yield break;
        }
    }
}
