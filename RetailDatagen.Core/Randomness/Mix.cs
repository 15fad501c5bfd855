using System.Runtime.CompilerServices;

namespace RetailDatagen.Core.Randomness;

/// <summary>SplitMix64's finaliser: a fast, well-distributed bijection on 64-bit values.</summary>
public static class Mix
{
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong seed, RandomStream stream, ulong index) =>
        Hash(Hash(Hash(seed + Golden) ^ ((ulong)stream * 0xD6E8FEB86659FD93UL)) + (index * Golden));
}
