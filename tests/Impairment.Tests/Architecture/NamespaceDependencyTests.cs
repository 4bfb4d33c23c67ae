using Harness.Impairment.Control;

namespace Impairment.Tests.Architecture;

/// <summary>
/// The engine's namespaces point one way (docs/architecture.md): Model uses nothing else of the engine; the TCP
/// proxy (Proxying) and the UDP proxy (Udp) know Model and helpers but never Control, which drives them all; no
/// two namespaces reach each other. Read from the compiled IL, so a reference in a method body counts too.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private const string Engine = "Harness.Impairment";

    private static readonly Lazy<NamespaceGraph> Graph = new(() => NamespaceGraph.Read(typeof(ImpairmentEngine).Assembly.Location, Engine));

    [Test]
    public void Model_Exists_AndUsesNothingElseOfTheEngine()
    {
        Assert.That(Graph.Value.Namespaces, Does.Contain($"{Engine}.Model"));
        Assert.That(Describe($"{Engine}.Model", _ => true), Is.Empty);
    }

    [TestCase("Proxying")]
    [TestCase("Udp")]
    [TestCase("Toxics")]
    [TestCase("Streams")]
    [TestCase("Timing")]
    [TestCase("Decisions")]
    [TestCase("Exchanges")]
    public void Namespace_NeverUsesControl(string name)
    {
        Assert.That(Describe($"{Engine}.{name}", to => to == $"{Engine}.Control"), Is.Empty);
    }

    [Test]
    public void Proxying_NeverUsesUdp()
    {
        Assert.That(Describe($"{Engine}.Proxying", to => to == $"{Engine}.Udp"), Is.Empty);
    }

    [Test]
    public void Namespaces_HaveNoCycles()
    {
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, Graph.Value.Edges().Select(e => $"{e.From} -> {e.To}: {e.Example}")));

        Assert.That(Graph.Value.Cycles().Select(c => string.Join(" <-> ", c)), Is.Empty);
    }

    [Test]
    public void Graph_SeesReferencesInMethodBodies()
    {
        // The check is only worth having if it sees what it guards: Control creates proxies inside method bodies.
        Assert.That(Graph.Value.Uses($"{Engine}.Control").Keys, Does.Contain($"{Engine}.Proxying").And.Contain($"{Engine}.Udp"));
    }

    /// <summary>The "uses" column of docs/architecture.md's table of the engine's namespaces.</summary>
    private static readonly Dictionary<string, string[]> Documented = new()
    {
        ["Model"] = [],
        ["Metering"] = ["Model"],
        ["Streams"] = ["Model"],
        ["Timing"] = ["Model"],
        ["Decisions"] = ["Model"],
        ["Exchanges"] = ["Model"],
        ["Toxics"] = ["Model", "Streams", "Timing"],
        ["Proxying"] = ["Model", "Metering", "Toxics", "Streams", "Decisions", "Exchanges"],
        ["Udp"] = ["Model", "Metering", "Toxics", "Proxying"],
        ["Control"] = ["Model", "Metering", "Toxics", "Exchanges", "Proxying", "Udp"],
    };

    [Test]
    public void EveryDependency_IsInTheArchitectureTable()
    {
        var undocumented = Graph
            .Value.Edges()
            .Select(e => (From: Short(e.From), To: Short(e.To), e.Example))
            .Where(e => !Documented.TryGetValue(e.From, out var allowed) || !allowed.Contains(e.To))
            .Select(e => $"{e.From} -> {e.To} ({e.Example})");

        Assert.That(undocumented, Is.Empty);
    }

    private static string Short(string name) => name == Engine ? "(root)" : name[(Engine.Length + 1)..];

    private static IReadOnlyList<string> Describe(string from, Func<string, bool> forbidden) =>
        Graph.Value.Uses(from).Where(e => forbidden(e.Key)).Select(e => $"{from} -> {e.Key} ({e.Value})").ToList();
}
