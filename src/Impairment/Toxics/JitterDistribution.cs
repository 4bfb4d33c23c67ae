namespace Harness.Impairment.Toxics;

/// <summary>How latency's jitter is drawn; the numeric values are the wire codes of <c>distribution</c>.</summary>
internal enum JitterDistribution
{
    /// <summary>Toxiproxy's: a uniform integer in [-jitter, jitter-1] ms.</summary>
    Uniform = 0,

    /// <summary>Normal with standard deviation = jitter (netem's "normal").</summary>
    Normal = 1,

    /// <summary>netem's "paretonormal": 25% Pareto (shape 3), 75% normal, scaled by jitter; a heavy right tail.</summary>
    ParetoNormal = 2,
}
