namespace RetailDatagen.Core.Randomness;

/// <summary>Vose's alias method: O(1) weighted draws of an index.</summary>
public sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasTable(IReadOnlyList<double> weights)
    {
        var n = weights.Count;
        ArgumentOutOfRangeException.ThrowIfZero(n);
        _probability = new double[n];
        _alias = new int[n];
        var total = weights.Sum();
        var scaled = weights.Select(w => w * n / total).ToArray();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }

        while (large.Count > 0)
        {
            _probability[large.Pop()] = 1.0;
        }

        while (small.Count > 0)
        {
            _probability[small.Pop()] = 1.0;
        }
    }

    public int Sample(ref RowRandom random)
    {
        var column = random.NextInt(_probability.Length);
        return random.NextDouble() < _probability[column] ? column : _alias[column];
    }
}
