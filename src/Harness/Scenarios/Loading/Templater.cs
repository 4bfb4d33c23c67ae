using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios.Loading;

/// <summary>
/// Expands <c>${name}</c> (from <c>variables:</c> or supplied values such as matrix cells; the name may itself
/// hold references, <c>${policy_${bug}}</c>) and
/// <c>${env:NAME}</c> in every scalar of a scenario before it is read. Values that come from the environment
/// are secrets: they are collected so every output can redact them. <c>$${</c> writes a literal <c>${</c>;
/// <c>${port}</c> and <c>${link:SERVICE}</c> are left for services to expand at run time.
/// </summary>
internal sealed partial class Templater
{
    public static readonly string[] Reserved = ["port", "service_address"];

    /// <summary><c>${link:SERVICE}</c> is left for services too: the address of their link to that service.</summary>
    public const string LinkPrefix = "link:";

    // A name may itself hold one level of references: ${policy_${bug}} looks up policy_on when bug is "on".
    [GeneratedRegex(@"\$\$\{|\$\{(?<name>(?:[^$}]|\$\{[^$}]*\})*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    private readonly YamlReadContext _context;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly IReadOnlyCollection<string> _overrides;
    private readonly List<string> _declared = [];

    /// <param name="overrides">
    /// Names among <paramref name="supplied"/> that came from the command line (<c>--var</c>): each must be declared
    /// under <c>variables:</c>, so a typo fails the load instead of silently running the declared value.
    /// </param>
    public Templater(
        YamlReadContext context,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string>? supplied,
        IReadOnlyCollection<string>? overrides = null
    )
    {
        _context = context;
        _environment = environment;
        _overrides = overrides ?? [];
        foreach (var (key, value) in supplied ?? new Dictionary<string, string>())
            _values[key] = value;
    }

    public IReadOnlyCollection<string> Secrets => _secrets;

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Resolves <c>variables:</c> (which may use env and each other, without cycles), then every other scalar.</summary>
    public void Apply(YamlMappingNode root)
    {
        var variablesKey = root.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "variables");
        if (variablesKey is not null)
            ResolveVariables(root.Children[variablesKey]);
        CheckOverrides((YamlNode?)variablesKey ?? root);
        foreach (var (key, value) in root.Children)
        {
            if (!ReferenceEquals(key, variablesKey))
                Walk(value);
        }
    }

    /// <summary>
    /// Resolves <c>variables:</c> and expands only <paramref name="node"/> (the matrix, read before any cell exists).
    /// Problems are left to the full read of each cell, which reports them once.
    /// </summary>
    public void ApplyTo(YamlMappingNode root, YamlNode node)
    {
        var variablesKey = root.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "variables");
        if (variablesKey is not null)
            ResolveVariables(root.Children[variablesKey]);
        Walk(node);
    }

    private void ResolveVariables(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            _context.Error(node, "variables must be a mapping of names to values");
            return;
        }
        var raw = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        var choices = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            _declared.Add(name);
            if (value is YamlMappingNode table && VariableChoice.IsChoice(table))
            {
                if (!_values.ContainsKey(name))
                    choices[name] = table;
                continue;
            }
            if (value is not YamlScalarNode scalar)
            {
                _context.Error(value, $"variable '{name}' must be a single value");
                continue;
            }
            if (Reserved.Contains(name))
            {
                _context.Error(key, $"'{name}' is reserved (services expand ${{{name}}} at run time)");
                continue;
            }
            if (!_values.ContainsKey(name))
                raw[name] = scalar;
        }
        var resolving = new Stack<string>();
        void Resolve(string name)
        {
            // A chosen variable ({ by: full, ... }) becomes the entry its selector names, then resolves like any other.
            if (!_values.ContainsKey(name) && choices.Remove(name, out var table))
            {
                resolving.Push(name);
                var chosen = VariableChoice.Pick(
                    name,
                    table,
                    by =>
                    {
                        Resolve(by);
                        return _values.GetValueOrDefault(by);
                    },
                    _context
                );
                resolving.Pop();
                if (chosen is null)
                {
                    _values[name] = string.Empty;
                    return;
                }
                raw[name] = chosen;
            }
            if (_values.ContainsKey(name) || !raw.TryGetValue(name, out var scalar))
                return;
            if (resolving.Contains(name))
            {
                _context.Error(
                    scalar,
                    $"variable '{name}' refers to itself through {string.Join(" -> ", resolving.Reverse().Append(name))}"
                );
                _values[name] = string.Empty;
                return;
            }
            resolving.Push(name);
            foreach (Match m in Reference().Matches(scalar.Value ?? string.Empty))
            {
                if (!m.Groups["name"].Success)
                    continue;
                var referenced = m.Groups["name"].Value;
                if (referenced.Contains("${", StringComparison.Ordinal))
                {
                    foreach (Match inner in Reference().Matches(referenced))
                        Resolve(inner.Groups["name"].Value);
                    referenced = Substitute(scalar, referenced, markSecret: null);
                }
                Resolve(referenced);
            }
            resolving.Pop();
            if (!_values.ContainsKey(name))
                _values[name] = Substitute(scalar, scalar.Value ?? string.Empty, markSecret: name);
        }
        foreach (var name in raw.Keys.Concat(choices.Keys).ToList())
            Resolve(name);
    }

    private void CheckOverrides(YamlNode at)
    {
        foreach (var name in _overrides.Where(n => !_declared.Contains(n, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            var declares =
                _declared.Count == 0
                    ? "the scenario declares no variables (add a variables: mapping)"
                    : $"the scenario declares {string.Join(", ", _declared)}";
            _context.Error(
                at,
                $"cannot set '{name}' from the command line (--var, --baseline, --candidate): no such variable under variables:{DidYouMean.Suffix(name, _declared)}; {declares}"
            );
        }
    }

    private void Walk(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Value is { } text && text.Contains('$', StringComparison.Ordinal):
                scalar.Value = Substitute(scalar, text, markSecret: null);
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                    Walk(child);
                break;
            case YamlMappingNode mapping:
                foreach (var child in mapping.Children.Values)
                    Walk(child);
                break;
        }
    }

    private string Substitute(YamlScalarNode node, string text, string? markSecret)
    {
        var output = new StringBuilder();
        var last = 0;
        foreach (Match m in Reference().Matches(text))
        {
            output.Append(text, last, m.Index - last);
            last = m.Index + m.Length;
            if (!m.Groups["name"].Success)
            {
                output.Append("${");
                continue;
            }
            var name = m.Groups["name"].Value;
            if (name.Contains("${", StringComparison.Ordinal))
                name = Substitute(node, name, markSecret);
            output.Append(Lookup(node, name, m.Index, markSecret) ?? m.Value);
        }
        output.Append(text, last, text.Length - last);
        return output.ToString();
    }

    private string? Lookup(YamlScalarNode node, string name, int offset, string? variable)
    {
        if (name.StartsWith("env:", StringComparison.Ordinal))
        {
            var key = name[4..];
            if (_environment.TryGetValue(key, out var secret))
            {
                if (secret.Length > 0 && _secrets.Add(secret) && Redactor.TooShort([secret]).Count > 0)
                {
                    _context.Diagnostics.Warn(
                        Location(node, offset),
                        $"environment variable '{key}' is a secret of fewer than "
                            + $"{Redactor.MinimumLength} characters: it is masked wherever it appears in outputs, also inside other words and numbers"
                    );
                }
                return secret;
            }
            _context.Diagnostics.Add(Location(node, offset), $"environment variable '{key}' is not set (referenced as ${{{name}}})");
            return null;
        }
        if (Reserved.Contains(name) || name.StartsWith(LinkPrefix, StringComparison.Ordinal))
            return null;
        if (_values.TryGetValue(name, out var value))
        {
            if (variable is not null && _secrets.Contains(value))
                _secrets.Add(value);
            return value;
        }
        _context.Diagnostics.Add(
            Location(node, offset),
            $"undefined variable '{name}'{DidYouMean.Suffix(name, _values.Keys)}; declare it under variables:"
        );
        return null;
    }

    // Plain scalars map offsets to columns directly; a quoted scalar starts one column later.
    private SourceLocation Location(YamlScalarNode node, int offset)
    {
        var at = _context.At(node);
        var quoted = node.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted ? 1 : 0;
        return node.Start.Line == node.End.Line ? at.Shift(offset + quoted) : at;
    }
}
