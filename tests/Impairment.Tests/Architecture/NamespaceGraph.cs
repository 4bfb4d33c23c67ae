using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Impairment.Tests.Architecture;

/// <summary>
/// Which namespace of the engine uses which, read from the compiled assembly: base types, interfaces, fields,
/// properties, signatures, attributes, locals and every type, method or field an instruction names, compiler-made
/// types (lambdas, async state machines) counted in the namespace of the type that holds them.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph(string prefix) => Prefix = prefix;

    public string Prefix { get; }

    /// <summary>Every namespace seen, with or without edges.</summary>
    public SortedSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

    public static NamespaceGraph Read(string assemblyPath, string prefix)
    {
        var graph = new NamespaceGraph(prefix);
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
            graph.Add(type);
        return graph;
    }

    /// <summary>Namespaces <paramref name="from"/> uses, each with one example reference ("Type uses Type").</summary>
    public IReadOnlyDictionary<string, string> Uses(string from) =>
        _edges.TryGetValue(from, out var to) ? to : new Dictionary<string, string>();

    public IEnumerable<(string From, string To, string Example)> Edges() =>
        _edges
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .SelectMany(e => e.Value.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (e.Key, t.Key, t.Value)));

    /// <summary>Groups of two or more namespaces that reach each other (Tarjan's strongly connected components).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles() => new CycleFinder(this).Run();

    private void Add(TypeDefinition type)
    {
        var owner = OwnerNamespace(type);
        if (!owner.StartsWith(Prefix, StringComparison.Ordinal))
            return;
        Namespaces.Add(owner);
        var name = Outermost(type).FullName;
        Visit(name, owner, type.BaseType);
        foreach (var i in type.Interfaces)
            Visit(name, owner, i.InterfaceType);
        foreach (var a in type.CustomAttributes)
            Visit(name, owner, a.AttributeType);
        foreach (var f in type.Fields)
            Visit(name, owner, f.FieldType);
        foreach (var p in type.Properties)
            Visit(name, owner, p.PropertyType);
        foreach (var m in type.Methods)
            AddMethod(name, owner, m);
    }

    private void AddMethod(string name, string owner, MethodDefinition method)
    {
        VisitSignature(name, owner, method);
        foreach (var a in method.CustomAttributes)
            Visit(name, owner, a.AttributeType);
        if (!method.HasBody)
            return;
        foreach (var v in method.Body.Variables)
            Visit(name, owner, v.VariableType);
        foreach (var instruction in method.Body.Instructions)
            VisitOperand(name, owner, instruction);
    }

    private void VisitOperand(string name, string owner, Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                Visit(name, owner, t);
                break;
            case MethodReference m:
                Visit(name, owner, m.DeclaringType);
                VisitSignature(name, owner, m);
                if (m is GenericInstanceMethod g)
                    foreach (var a in g.GenericArguments)
                        Visit(name, owner, a);
                break;
            case FieldReference f:
                Visit(name, owner, f.DeclaringType);
                Visit(name, owner, f.FieldType);
                break;
        }
    }

    private void VisitSignature(string name, string owner, MethodReference method)
    {
        Visit(name, owner, method.ReturnType);
        foreach (var p in method.Parameters)
            Visit(name, owner, p.ParameterType);
    }

    private void Visit(string name, string owner, TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Visit(name, owner, generic.ElementType);
                foreach (var a in generic.GenericArguments)
                    Visit(name, owner, a);
                return;
            case TypeSpecification spec:
                Visit(name, owner, spec.ElementType);
                return;
        }
        var target = OwnerNamespace(type);
        if (target == owner || !target.StartsWith(Prefix, StringComparison.Ordinal))
            return;
        if (!_edges.TryGetValue(owner, out var to))
            _edges[owner] = to = new(StringComparer.Ordinal);
        to.TryAdd(target, $"{name} uses {Outermost(type).FullName}");
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type;
    }

    private static string OwnerNamespace(TypeReference type) => Outermost(type).Namespace;

    private sealed class CycleFinder(NamespaceGraph graph)
    {
        private readonly Dictionary<string, (int Index, int Low)> _marks = [];
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = [];
        private readonly List<IReadOnlyList<string>> _found = [];

        public IReadOnlyList<IReadOnlyList<string>> Run()
        {
            foreach (var node in graph.Namespaces)
                if (!_marks.ContainsKey(node))
                    Connect(node);
            return _found;
        }

        private void Connect(string node)
        {
            _marks[node] = (_marks.Count, _marks.Count);
            _stack.Push(node);
            _onStack.Add(node);
            foreach (var next in graph.Uses(node).Keys)
            {
                if (!_marks.ContainsKey(next))
                {
                    Connect(next);
                    _marks[node] = _marks[node] with { Low = Math.Min(_marks[node].Low, _marks[next].Low) };
                }
                else if (_onStack.Contains(next))
                {
                    _marks[node] = _marks[node] with { Low = Math.Min(_marks[node].Low, _marks[next].Index) };
                }
            }
            if (_marks[node].Low != _marks[node].Index)
                return;
            var group = new List<string>();
            string member;
            do
            {
                member = _stack.Pop();
                _onStack.Remove(member);
                group.Add(member);
            } while (member != node);
            if (group.Count > 1)
                _found.Add([.. group.Order(StringComparer.Ordinal)]);
        }
    }
}
