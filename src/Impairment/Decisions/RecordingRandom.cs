namespace Harness.Impairment.Decisions;

/// <summary>
/// A seeded <see cref="Random"/> that keeps its first few samples. Every bounded draw of a derived Random
/// (Next(max), Next(min, max), NextDouble, NextSingle) goes through <see cref="Sample"/>, and the values are the
/// ones <c>new Random(seed)</c> gives, so recording changes no decision.
/// </summary>
internal sealed class RecordingRandom(int seed) : Random(seed)
{
    public const int Kept = 8;
    private readonly double[] _first = new double[Kept];
    private int _count;

    public IReadOnlyList<double> FirstDraws => _first[..Math.Min(Volatile.Read(ref _count), Kept)];

    protected override double Sample()
    {
        var value = base.Sample();
        if (_count < Kept)
        {
            _first[_count] = value;
            Volatile.Write(ref _count, _count + 1);
        }
        return value;
    }
}
