using System.Runtime.CompilerServices;

namespace RetailDatagen.Core.Randomness;

/// <summary>
/// A counter-based random source addressed by (seed, stream, row): every row draws from its own sequence,
/// so output is independent of thread count, batch size, scheduling and library versions.
/// </summary>
public struct RowRandom
{
    private ulong _state;

    public RowRandom(long seed, RandomStream stream, long row)
    {
        _state = Mix.Combine((ulong)seed, stream, (ulong)row);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        _state += Mix.Golden;
        return Mix.Hash(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive) (multiply-shift; bias below 2^-32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)(uint)maxExclusive) >> 32);

    /// <summary>
    /// Uniform integer in [min, maxInclusive]. Named apart from <see cref="NextInt(int)"/> because its upper bound
    /// is inclusive, the opposite of <see cref="System.Random.Next(int, int)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextIntInclusive(int min, int maxInclusive) =>
        min + (int)(((NextUInt64() >> 32) * (ulong)((long)maxInclusive - min + 1)) >> 32);

    /// <summary>Uniform in [min, max).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double probability) => NextDouble() < probability;
}
