namespace RetailDatagen.Core.Randomness;

/// <summary>
/// A keyed bijection on [0, domain): a balanced Feistel network over the smallest even bit width that
/// covers the domain, with cycle-walking. Mapping row indexes through it gives identifiers that look random
/// yet are unique by construction, for any row count up to the domain.
/// </summary>
public sealed class FeistelPermutation
{
    private const int Rounds = 4;
    private readonly ulong _domain;
    private readonly int _halfBits;
    private readonly ulong _halfMask;
    private readonly ulong[] _keys = new ulong[Rounds];

    public FeistelPermutation(ulong domain, long seed, RandomStream stream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(domain, 2UL);
        _domain = domain;
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(domain - 1);
        _halfBits = Math.Max(1, (bits + 1) / 2);
        _halfMask = (1UL << _halfBits) - 1;
        var random = new RowRandom(seed, stream, -1);
        for (var i = 0; i < Rounds; i++)
        {
            _keys[i] = random.NextUInt64();
        }
    }

    public ulong Permute(ulong value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, _domain);
        do
        {
            value = Encrypt(value);
        } while (value >= _domain);
        return value;
    }

    private ulong Encrypt(ulong value)
    {
        var left = value >> _halfBits;
        var right = value & _halfMask;
        for (var i = 0; i < Rounds; i++)
        {
            var next = left ^ (Mix.Hash(right ^ _keys[i]) & _halfMask);
            left = right;
            right = next;
        }

        return (left << _halfBits) | right;
    }
}
