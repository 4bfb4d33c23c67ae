namespace Harness.Impairment.Bench;

/// <summary>One benchmark: a run returns named figures; the runner repeats it and reports each figure's median.</summary>
internal interface IBenchmark
{
    string Name { get; }

    /// <summary>What the issue asks for, printed with the result.</summary>
    string Target { get; }

    Task<IReadOnlyDictionary<string, double>> RunOnceAsync(int run);

    /// <summary>Pass/fail from the medians.</summary>
    string Verdict(IReadOnlyDictionary<string, double> medians);
}
