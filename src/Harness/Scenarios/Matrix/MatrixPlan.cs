using Harness.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Matrix;

/// <summary>
/// A scenario's <c>matrix:</c>, read from the YAML before anything else. Axes whose name holds a '.' or '['
/// are paths into the scenario (<c>network.profile</c>, <c>probes[0].websocket.clients</c>); the others are
/// variables (<c>${client_version}</c>).
/// </summary>
internal sealed record MatrixPlan(
    IReadOnlyList<MatrixGroup> Groups,
    bool Pairwise,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Include,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Exclude
)
{
    public static readonly string[] Keys = ["axes", "zip", "mode", "include", "exclude"];

    /// <summary>Every axis with the values it takes, zipped ones included (each zipped axis's own values, in order).</summary>
    public IReadOnlyList<(string Axis, IReadOnlyList<string> Values)> Axes =>
        Groups
            .SelectMany(g =>
                g.Names.Select(
                    (name, i) => (name, (IReadOnlyList<string>)g.Rows.Select(r => r[i]).Distinct(StringComparer.Ordinal).ToList())
                )
            )
            .ToList();

    public static MatrixPlan? Read(YamlMappingNode root, YamlReadContext context)
    {
        var key = root.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "matrix");
        if (key is null)
            return null;
        var node = root.Children[key];
        root.Children.Remove(key);
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, "matrix must be a mapping of axes to lists of values");
            return null;
        }
        // Flat form: every key is an axis (zip: pairs some). Structured form: { axes: {...}, zip: ..., mode: pairwise, include: [...],
        // exclude: [...] }.
        var structured = mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value is "axes" or "mode" or "include" or "exclude");
        var reader = structured ? MappingReader.Open(mapping, "matrix", context, Keys) : null;
        var axesNode = structured ? reader!.Node("axes") as YamlMappingNode ?? new YamlMappingNode() : mapping;
        if (structured && reader!.Node("axes") is { } wrong and not YamlMappingNode)
        {
            context.Error(wrong, "matrix.axes must be a mapping of axes to lists of values");
            return null;
        }
        var groups = new List<MatrixGroup>();
        var plainKeys = new List<YamlScalarNode>();
        foreach (var (axisKey, values) in axesNode.Children)
        {
            var name = (axisKey as YamlScalarNode)?.Value ?? string.Empty;
            if (!structured && name == "zip")
            {
                if (MatrixGroup.ReadZip(values, context) is { } zipped)
                    groups.Add(zipped);
                continue;
            }
            if (values is not YamlSequenceNode { Children.Count: > 0 } list || list.Children.Any(v => v is not YamlScalarNode))
            {
                context.Error(values, $"matrix axis '{name}' must be a non-empty list of values");
                continue;
            }
            plainKeys.Add((YamlScalarNode)axisKey);
            groups.Add(MatrixGroup.Single(name, list.Children.Cast<YamlScalarNode>().Select(v => v.Value ?? string.Empty).ToList()));
        }
        if (reader?.Node("zip") is { } zipNode && MatrixGroup.ReadZip(zipNode, context) is { } zip)
            groups.Add(zip);
        var zippedNames = groups.Where(g => g.Names.Count > 1).SelectMany(g => g.Names).ToHashSet(StringComparer.Ordinal);
        foreach (var plain in plainKeys.Where(k => zippedNames.Contains(k.Value ?? string.Empty)))
        {
            context.Error(plain, $"matrix axis '{plain.Value}' is both zipped and an axis of its own");
        }
        if (groups.Count == 0 && !context.Diagnostics.HasErrors)
            context.Error(node, "matrix needs at least one axis");
        var mode = reader?.Scalar("mode");
        if (mode is not null && mode.Value is not ("full" or "pairwise"))
            context.Diagnostics.Add(mode.Location, $"matrix mode '{mode.Value}' must be full or pairwise");
        var names = groups.SelectMany(g => g.Names).ToArray();
        return new MatrixPlan(
            groups,
            mode?.Value == "pairwise",
            Patterns(reader, "include", names, context),
            Patterns(reader, "exclude", names, context)
        );
    }

    private static List<IReadOnlyDictionary<string, string>> Patterns(
        MappingReader? reader,
        string key,
        string[] names,
        YamlReadContext context
    )
    {
        var result = new List<IReadOnlyDictionary<string, string>>();
        if (reader is null)
            return result;
        foreach (var item in reader.Sequence(key))
        {
            var pattern = MappingReader.Open(item, $"matrix {key} entry", context, names);
            if (pattern is not null)
                result.Add(pattern.Scalars(names).ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal));
        }
        return result;
    }

    /// <summary>The cells to run: the full product or a pairwise cover (seeded), minus exclusions, plus inclusions.</summary>
    public IReadOnlyList<MatrixCell> Cells(int seed)
    {
        MatrixCell ToCell(int[] index) =>
            new(Groups.SelectMany((g, i) => g.Names.Select((name, n) => KeyValuePair.Create(name, g.Rows[index[i]][n]))).ToList());
        bool Allowed(int[] index) => !Exclude.Any(ToCell(index).Matches);
        var sizes = Groups.Select(g => g.Rows.Count).ToList();
        IEnumerable<int[]> indexes = Pairwise ? PairwiseGenerator.Generate(sizes, seed, Allowed) : Product(sizes).Where(Allowed);
        var cells = indexes.Select(ToCell).ToList();
        foreach (var include in Include)
        {
            var cell = new MatrixCell(
                Axes.Where(a => include.ContainsKey(a.Axis)).Select(a => KeyValuePair.Create(a.Axis, include[a.Axis])).ToList()
            );
            if (cells.All(c => c.Name != cell.Name))
                cells.Add(cell);
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
            while (axis >= 0 && ++index[axis] == sizes[axis])
                index[axis--] = 0;
            if (axis < 0)
                yield break;
        }
    }
}
