using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>
/// The arrays behind <see cref="TradeAreas"/>' draws, built in one pass over every customer: 10 bytes per
/// customer for its home stores plus 12 bytes per (store, customer) pair for the per-store alias tables
/// (≈ 17 MB for 500k customers, ≈ 330 MB for 10M).
/// </summary>
internal sealed class TradeAreaIndex
{
    // Home-store weights are kept as cumulative thresholds in 1/65535: ample for choosing among three stores.
    private const int Scale = ushort.MaxValue;
    private const int Chunk = 8_192;

    private readonly ushort[] _homeStores; // three 1-based store ids per customer (stores ≤ 5,000), 0 = none
    private readonly ushort[] _cuts; // per customer: cumulative weight of slot 0 and of slots 0–1
    private readonly int[] _start; // per store: its first entry in the arrays below
    private readonly int[] _members; // per (store, customer) pair: the 0-based customer index
    private readonly float[] _probability;
    private readonly int[] _alias;
    private readonly double[] _demand;
    private readonly double _meanDemand;
    private readonly int[] _nearby;
    private readonly AliasTable _travel;

    public TradeAreaIndex(TradeAreas areas, int storeCount)
    {
        var n = areas.CustomerCount;
        _homeStores = new ushort[(long)n * 3];
        _cuts = new ushort[(long)n * 2];
        _nearby = new int[storeCount];
        var activity = new float[n];
        Locate(areas, storeCount, activity);

        var counts = new int[storeCount];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < TradeAreas.MaxHomeStores; k++)
            {
                if (_homeStores[(3 * i) + k] is var s and > 0 && SlotWeight(i, k) > 0)
                {
                    counts[s - 1]++;
                }
            }
        }

        _start = new int[storeCount + 1];
        for (var s = 0; s < storeCount; s++)
        {
            _start[s + 1] = _start[s] + counts[s];
        }

        _members = new int[_start[storeCount]];
        _demand = new double[storeCount];
        var cursor = _start[..storeCount];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < TradeAreas.MaxHomeStores; k++)
            {
                if (_homeStores[(3 * i) + k] is var s and > 0 && SlotWeight(i, k) is var w and > 0)
                {
                    _members[cursor[s - 1]++] = i;
                    _demand[s - 1] += activity[i] * w;
                }
            }
        }

        _probability = new float[_members.Length];
        _alias = new int[_members.Length];
        Parallel.For(0, storeCount, s => BuildAlias(s, activity));
        _meanDemand = _demand.Sum() / storeCount;
        _travel = new AliasTable(_meanDemand > 0 ? _demand : [.. _demand.Select(_ => 1.0)]);
    }

    public int HomeStoreCount(int customer) =>
        _homeStores[(3 * customer) + 1] == 0 ? 1
        : _homeStores[(3 * customer) + 2] == 0 ? 2
        : 3;

    public int HomeStore(int customer, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, HomeStoreCount(customer));
        return _homeStores[(3 * customer) + k];
    }

    public int DrawHomeStore(int customer, ref RowRandom random)
    {
        var u = random.NextInt(Scale);
        var slot =
            u < _cuts[2 * customer] ? 0
            : u < _cuts[(2 * customer) + 1] ? 1
            : 2;
        return _homeStores[(3 * customer) + slot];
    }

    public int DrawCustomer(int storeId, ref RowRandom random)
    {
        var start = _start[storeId - 1];
        var length = _start[storeId] - start;
        if (length == 0)
        {
            return -1;
        }

        var column = start + random.NextInt(length);
        return random.NextDouble() < _probability[column] ? _members[column] : _members[start + _alias[column]];
    }

    public int HomeCustomerCount(int storeId) => _start[storeId] - _start[storeId - 1];

    public double DemandWeight(int storeId) => _meanDemand > 0 ? _demand[storeId - 1] / _meanDemand : 0;

    public int CustomersNearby(int storeId) => _nearby[storeId - 1];

    public int DrawTravelStore(ref RowRandom random) => _travel.Sample(ref random) + 1;

    private static ushort Quantize(double cumulative) => (ushort)Math.Clamp(Math.Round(cumulative * Scale), 0, Scale);

    // Locating is the expensive part (a few distances per customer), so it runs in parallel; each slot is
    // written by its own customer and the nearby counts are integer sums, so the result never depends on threads.
    private void Locate(TradeAreas areas, int storeCount, float[] activity)
    {
        var n = areas.CustomerCount;
        Parallel.For(
            0,
            (n + Chunk - 1) / Chunk,
            () => new int[storeCount],
            (c, _, nearby) =>
            {
                var end = Math.Min(n, (c + 1) * Chunk);
                for (var i = c * Chunk; i < end; i++)
                {
                    var home = areas.Locate(i, out var place);
                    _homeStores[3 * i] = (ushort)home.Store0;
                    _homeStores[(3 * i) + 1] = (ushort)home.Store1;
                    _homeStores[(3 * i) + 2] = (ushort)home.Store2;
                    _cuts[2 * i] = Quantize(home.Weight0);
                    _cuts[(2 * i) + 1] = home.StoreCount <= 2 ? (ushort)Scale : Quantize(home.Weight0 + home.Weight1);
                    activity[i] = (float)areas.ActivityWeight(i);
                    areas.CountStoresNearby(place, home.Latitude, home.Longitude, nearby);
                }

                return nearby;
            },
            nearby =>
            {
                lock (_nearby)
                {
                    for (var s = 0; s < storeCount; s++)
                    {
                        _nearby[s] += nearby[s];
                    }
                }
            }
        );
    }

    private double SlotWeight(int customer, int k)
    {
        var low = k == 0 ? 0 : _cuts[(2 * customer) + k - 1];
        var high = k == 2 ? Scale : _cuts[(2 * customer) + k];
        return (high - low) / (double)Scale;
    }

    private double PairWeight(int customer, int storeId, float[] activity)
    {
        for (var k = 0; k < TradeAreas.MaxHomeStores; k++)
        {
            if (_homeStores[(3 * customer) + k] == storeId)
            {
                return activity[customer] * SlotWeight(customer, k);
            }
        }

        return 0;
    }

    // Vose's alias method over one store's segment; aliases are offsets inside the segment.
    private void BuildAlias(int store, float[] activity)
    {
        var start = _start[store];
        var length = _start[store + 1] - start;
        if (length == 0)
        {
            return;
        }

        var scaled = new double[length];
        for (var j = 0; j < length; j++)
        {
            scaled[j] = PairWeight(_members[start + j], store + 1, activity);
        }

        var factor = length / scaled.Sum();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var j = length - 1; j >= 0; j--)
        {
            scaled[j] *= factor;
            (scaled[j] < 1.0 ? small : large).Push(j);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[start + s] = (float)scaled[s];
            _alias[start + s] = l;
            scaled[l] += scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }

        foreach (var j in large.Concat(small))
        {
            _probability[start + j] = 1f;
            _alias[start + j] = j;
        }
    }
}
