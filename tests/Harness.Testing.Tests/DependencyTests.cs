using System.Reflection;

namespace Harness.Testing.Tests;

/// <summary>Dependencies point one way: Harness.Testing uses the harness; nothing in src uses Harness.Testing.</summary>
public sealed class DependencyTests
{
    [TestCase("harness")]
    [TestCase("Harness.Probes")]
    [TestCase("Harness.Impairment")]
    [TestCase("Harness.Impairment.Server")]
    [TestCase("Harness.Toxiproxy.Client")]
    public void SourceAssembly_DoesNotReferenceHarnessTesting(string assembly)
    {
        var references = Assembly.Load(new AssemblyName(assembly)).GetReferencedAssemblies().Select(a => a.Name);

        Assert.That(references, Does.Not.Contain("Harness.Testing"));
    }
}
