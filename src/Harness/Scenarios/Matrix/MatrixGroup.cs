using Harness.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Matrix;

/// <summary>
/// One factor of a matrix: a single axis (each value a row of one), or a <c>zip</c> of axes whose values are paired
/// one by one (row i holds every zipped axis's i-th value). The cells are the product of the groups' rows.
/// </summary>
internal sealed record MatrixGroup(IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static MatrixGroup Single(string name, IReadOnlyList<string> values) =>
        new([name], values.Select(v => (IReadOnlyList<string>)[v]).ToList());

    /// <summary>
    /// <c>zip: { a: [1, 2], b: [x, y] }</c> (columns of equal length) or <c>zip: [ { a: 1, b: x }, { a: 2, b: y } ]</c>
    /// (rows setting the same axes); null, with an error at the offending node, when it is neither.
    /// </summary>
    public static MatrixGroup? ReadZip(YamlNode node, YamlReadContext context)
    {
        var group = node switch
        {
            YamlMappingNode columns => FromColumns(columns, context),
            YamlSequenceNode rows => FromRows(rows, context),
            _ => Fail(node, context, "matrix zip must map axes to equally long lists, or be a list of rows"),
        };
        if (group is not null && group.Names.Count < 2)
        {
            return Fail(node, context, "matrix zip needs two or more axes to pair; a single axis goes directly under matrix:");
        }
        return group;
    }

    private static MatrixGroup? Fail(YamlNode node, YamlReadContext context, string message)
    {
        context.Error(node, message);
        return null;
    }

    private static MatrixGroup? FromColumns(YamlMappingNode columns, YamlReadContext context)
    {
        var names = new List<string>();
        var lists = new List<IReadOnlyList<string>>();
        foreach (var (key, values) in columns.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (values is not YamlSequenceNode { Children.Count: > 0 } list || list.Children.Any(v => v is not YamlScalarNode))
            {
                return Fail(values, context, $"matrix zip axis '{name}' must be a non-empty list of values");
            }
            if (lists.Count > 0 && list.Children.Count != lists[0].Count)
            {
                return Fail(
                    values,
                    context,
                    $"matrix zip: '{name}' has {list.Children.Count} value(s) but '{names[0]}' has {lists[0].Count}; "
                        + "zipped axes pair values one by one, so they need the same number"
                );
            }
            names.Add(name);
            lists.Add(list.Children.Cast<YamlScalarNode>().Select(v => v.Value ?? string.Empty).ToList());
        }
        var rows = Enumerable
            .Range(0, lists.Count == 0 ? 0 : lists[0].Count)
            .Select(i => (IReadOnlyList<string>)lists.Select(l => l[i]).ToList())
            .ToList();
        return new MatrixGroup(names, rows);
    }

    private static MatrixGroup? FromRows(YamlSequenceNode sequence, YamlReadContext context)
    {
        List<string>? names = null;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (item, index) in sequence.Children.Select((item, index) => (item, index + 1)))
        {
            if (item is not YamlMappingNode row || row.Children.Any(c => c.Key is not YamlScalarNode || c.Value is not YamlScalarNode))
            {
                return Fail(
                    item,
                    context,
                    $"matrix zip row {index} must map each axis to one value, e.g. {{ version: A, port: \"8081\" }}"
                );
            }
            var values = row.Children.ToDictionary(
                c => ((YamlScalarNode)c.Key).Value ?? string.Empty,
                c => ((YamlScalarNode)c.Value).Value ?? string.Empty,
                StringComparer.Ordinal
            );
            names ??= values.Keys.ToList();
            var missing = names.Where(n => !values.ContainsKey(n)).ToList();
            var extra = values.Keys.Where(n => !names.Contains(n)).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                var problem =
                    missing.Count > 0
                        ? $"sets {string.Join(", ", values.Keys)} but not {string.Join(", ", missing)}"
                        : $"sets {string.Join(", ", extra)}, which row 1 does not";
                return Fail(item, context, $"matrix zip row {index} {problem}; every row sets the same axes");
            }
            rows.Add(names.Select(n => values[n]).ToList());
        }
        return new MatrixGroup(names ?? [], rows);
    }
}
