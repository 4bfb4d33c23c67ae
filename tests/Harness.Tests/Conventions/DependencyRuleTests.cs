using System.Reflection;

namespace Harness.Tests.Conventions;

/// <summary>Dependencies point one way (docs/architecture.md): these checks fail the build's tests when a reference sneaks in.</summary>
public sealed class DependencyRuleTests
{
    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static IEnumerable<string> References(string assembly) => Load(assembly).GetReferencedAssemblies().Select(a => a.Name!);

    [TestCase(
        "Harness.Impairment",
        new[] { "harness", "Harness.Probes", "Harness.Toxiproxy.Client", "Harness.Impairment.Server", "Microsoft.AspNetCore" }
    )]
    [TestCase("Harness.Impairment.Server", new[] { "harness", "Harness.Probes" })]
    [TestCase(
        "Harness.Probes",
        new[] { "harness", "Harness.Impairment", "Harness.Impairment.Server", "Harness.Toxiproxy.Client", "LiveRoom" }
    )]
    [TestCase("Harness.Toxiproxy.Client", new[] { "harness", "Harness.Impairment", "Harness.Probes" })]
    public void Assembly_DoesNotReferenceForbiddenLayers(string assembly, string[] forbidden)
    {
        var references = References(assembly).ToList();

        Assert.That(references.Where(r => forbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal))), Is.Empty);
    }

    [Test]
    public void Harness_UsesEngineTypesOnlyThroughTheEmbeddedHost()
    {
        var harness = typeof(Harness.Orchestration.ExitCodes).Assembly;
        var offenders = harness
            .GetTypes()
            .Where(t => t.Namespace != "Harness.Impairment" && !t.FullName!.Contains("EmbeddedProxyHost", StringComparison.Ordinal))
            .SelectMany(t =>
                t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                    .Select(f => (t, f.FieldType))
            )
            .Where(x => x.FieldType.Assembly.GetName().Name is "Harness.Impairment" or "Harness.Impairment.Server")
            .Select(x => $"{x.t.FullName} holds {x.FieldType.FullName}")
            .ToList();

        Assert.That(offenders, Is.Empty);
    }
}
