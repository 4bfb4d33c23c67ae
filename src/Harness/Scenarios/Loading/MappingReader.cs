using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary>
/// Reads one YAML mapping strictly: keys outside the allowed set are reported with a suggestion, and every
/// accessor reports a wrongly shaped value where it was written instead of throwing.
/// </summary>
internal sealed class MappingReader
{
    private readonly YamlMappingNode _node;
    private readonly YamlReadContext _context;
    private readonly string _what;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _suggested = new(StringComparer.Ordinal);

    private MappingReader(YamlMappingNode node, string what, YamlReadContext context, IReadOnlyCollection<string> keys)
    {
        _node = node;
        _what = what;
        _context = context;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalarKey || scalarKey.Value is null)
            {
                context.Error(key, $"{what}: keys must be plain names");
                continue;
            }
            if (!keys.Contains(scalarKey.Value))
            {
                context.Error(key, $"{what}: unknown key '{scalarKey.Value}'{DidYouMean.Suffix(scalarKey.Value, keys)}");
                if (DidYouMean.Closest(scalarKey.Value, keys) is { } suggestion)
                    _suggested.Add(suggestion);
                continue;
            }
            _entries[scalarKey.Value] = (scalarKey, value);
        }
    }

    public SourceLocation Location => _context.At(_node);

    public YamlReadContext Context => _context;

    /// <summary>Opens <paramref name="node"/> as a mapping, or reports what it is instead and returns null.</summary>
    public static MappingReader? Open(YamlNode? node, string what, YamlReadContext context, params string[] keys)
    {
        if (node is YamlMappingNode mapping)
            return new MappingReader(mapping, what, context, keys);
        if (node is not null)
            context.Error(node, $"{what} must be a mapping, found {YamlReadContext.Describe(node)}");
        return null;
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public SourceLocation KeyLocation(string key) => _entries.TryGetValue(key, out var e) ? _context.At(e.Key) : Location;

    public YamlNode? Node(string key, bool required = false)
    {
        if (_entries.TryGetValue(key, out var entry))
            return entry.Value;
        // A misspelt key already reported with this key as its suggestion says enough.
        if (required && !_suggested.Contains(key))
            _context.Diagnostics.Add(Location, $"{_what}: missing required key '{key}'");
        return null;
    }

    public Located<string>? Scalar(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
            return new Located<string>(value, _context.At(node));
        _context.Error(node, $"{_what}: '{key}' must be a single value, found {YamlReadContext.Describe(node)}");
        return null;
    }

    public IReadOnlyList<YamlNode> Sequence(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null)
            return [];
        if (node is YamlSequenceNode sequence)
            return sequence.Children.ToList();
        _context.Error(node, $"{_what}: '{key}' must be a list, found {YamlReadContext.Describe(node)}");
        return [];
    }

    public IReadOnlyList<Located<string>> ScalarList(string key)
    {
        var result = new List<Located<string>>();
        foreach (var item in Sequence(key))
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value })
                result.Add(new Located<string>(value, _context.At(item)));
            else
                _context.Error(item, $"{_what}: every entry of '{key}' must be a single value, found {YamlReadContext.Describe(item)}");
        }
        return result;
    }

    /// <summary>All entries whose key is in <paramref name="keys"/>, as raw scalars (used for toxic attributes).</summary>
    public IReadOnlyDictionary<string, Located<string>> Scalars(IEnumerable<string> keys)
    {
        var result = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (Has(key) && Scalar(key) is { } value)
                result[key] = value;
        }
        return result;
    }
}
