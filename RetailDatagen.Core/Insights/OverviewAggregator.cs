using System.Globalization;
using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Insights;

/// <summary>
/// Builds the overview aggregates (<see cref="DatasetInsights"/>) from the rows while a run writes them, in every
/// output mode (a CSV-only run has no database to aggregate later). It yields what <see cref="InsightsQueries"/>
/// computes with SQL over a finished <c>retail.db</c>; on the standard preset that SQL takes seconds, this costs a
/// few integer and decimal additions per sales and stock row.
/// </summary>
/// <remarks>
/// Each table's observer touches only that table's state, and a table is written by one thread at a time, so
/// tables written in parallel need no lock. Money is summed in <see cref="decimal"/>: exact on cents, so the
/// rounded sums equal SQLite's <c>ROUND(SUM(…), 2)</c> whatever the order of the rows.
/// </remarks>
public sealed class OverviewAggregator
{
    private readonly List<Geography> _geographies = [];
    private readonly List<(int Id, string Number, int GeographyId)> _dcs = [];
    private readonly List<(int Id, string Number, int GeographyId, int DcId)> _stores = [];
    private readonly Dictionary<int, long> _customersByGeography = [];
    private readonly Dictionary<int, (string Department, string Label)> _products = [];
    private readonly Dictionary<(string Department, int Band), long> _productBands = [];
    private readonly long[] _discountBands = new long[DatasetInsights.DiscountBands.Count];
    private readonly Dictionary<int, (long Cold, long Dry)> _trucksByDc = [];
    private readonly SortedDictionary<DateOnly, (decimal Sales, long Receipts)> _salesByDay = [];
    private readonly SortedDictionary<int, decimal> _salesByHour = [];
    private readonly Dictionary<int, decimal> _salesByStore = [];
    private readonly Dictionary<string, long> _tenders = new(StringComparer.Ordinal);
    private readonly Dictionary<int, decimal> _salesByProduct = [];
    private readonly SortedDictionary<DateOnly, long> _stockoutsByDay = [];
    private ulong[] _customersSeen = [];
    private long _activeCustomers;

    /// <summary>What to do with a batch of <paramref name="table"/>'s rows; null for tables the overview does not
    /// read.</summary>
    public Action<IRow[]>? ObserverFor(TableInfo table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table == Tables.Geographies)
        {
            return rows => Each<Geography>(rows, _geographies.Add);
        }

        if (table == Tables.DistributionCenters)
        {
            return rows => Each<DistributionCenter>(rows, d => _dcs.Add((d.ID, d.DCNumber, d.GeographyID)));
        }

        if (table == Tables.Stores)
        {
            return rows => Each<Store>(rows, s => _stores.Add((s.ID, s.StoreNumber, s.GeographyID, s.DCID)));
        }

        if (table == Tables.Customers)
        {
            return rows => Each<Customer>(rows, c => Increment(_customersByGeography, c.GeographyID));
        }

        if (table == Tables.ReceiptLines)
        {
            return rows => Each<ReceiptLine>(rows, l => Add(_salesByProduct, l.ProductID, (decimal)l.ExtPrice));
        }

        return table == Tables.Products ? rows => Each<Product>(rows, AddProduct)
            : table == Tables.Trucks ? rows => Each<Truck>(rows, AddTruck)
            : table == Tables.Receipts ? rows => Each<Receipt>(rows, AddReceipt)
            : table == Tables.StoreInventoryTxns ? rows => Each<StoreInventoryTxn>(rows, AddStockMove)
            : null;
    }

    /// <summary>The aggregates of everything observed, ordered as <see cref="InsightsQueries"/> orders them.</summary>
    public DatasetInsights Result()
    {
        var places = _geographies.OrderBy(g => g.ID).ToDictionary(g => g.ID);
        var storesPerPlace = _stores.GroupBy(s => s.GeographyId).ToDictionary(g => g.Key, g => g.Count());
        var insights = new DatasetInsights
        {
            Places =
            [
                .. places.Values.Select(g => new MapPlace(
                    g.ID,
                    g.City,
                    g.State,
                    g.Latitude,
                    g.Longitude,
                    _customersByGeography.GetValueOrDefault(g.ID),
                    storesPerPlace.GetValueOrDefault(g.ID)
                )),
            ],
            DistributionCenters = [.. _dcs.OrderBy(d => d.Id).Select(d => MapDcOf(d, places[d.GeographyId]))],
            Stores = [.. _stores.OrderBy(s => s.Id).Select(s => MapStoreOf(s, places[s.GeographyId]))],
            ProductsByDepartmentAndBand =
            [
                .. _productBands
                    .OrderBy(b => b.Key.Department, StringComparer.Ordinal)
                    .ThenBy(b => b.Key.Band)
                    .Select(b => new DepartmentBand(b.Key.Department, DatasetInsights.PriceBands[b.Key.Band], b.Value)),
            ],
            DiscountDistribution =
            [
                .. DatasetInsights.DiscountBands.Select((label, i) => new LabeledCount(label, _discountBands[i])),
            ],
            CustomersByRegion =
            [
                .. _customersByGeography
                    .GroupBy(c => places[c.Key].Region, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new LabeledCount(g.Key, g.Sum(c => c.Value))),
            ],
            TrucksByDc =
            [
                .. _dcs.OrderBy(d => d.Id)
                    .Select(d => new TruckFleet(
                        d.Number,
                        _trucksByDc.GetValueOrDefault(d.Id).Cold,
                        _trucksByDc.GetValueOrDefault(d.Id).Dry
                    )),
            ],
            HasFacts = _salesByDay.Count > 0,
        };
        if (!insights.HasFacts)
        {
            return insights;
        }

        var stores = _stores.ToDictionary(s => s.Id, s => s.Number + " " + places[s.GeographyId].City);
        return insights with
        {
            SalesByDay =
            [
                .. _salesByDay.Select(d => new DaySales(
                    Day(d.Key),
                    Money(d.Value.Sales),
                    d.Value.Receipts,
                    RetailCalendar.HolidayOn(d.Key)?.Name
                )),
            ],
            SalesByHour =
            [
                .. _salesByHour.Select(h => new LabeledValue(
                    h.Key.ToString("00", CultureInfo.InvariantCulture) + ":00",
                    Money(h.Value)
                )),
            ],
            SalesByDepartment =
            [
                .. _salesByProduct
                    .GroupBy(p => _products[p.Key].Department, StringComparer.Ordinal)
                    .Select(g => (g.Key, Sales: g.Sum(p => p.Value)))
                    .OrderByDescending(d => d.Sales)
                    .ThenBy(d => d.Key, StringComparer.Ordinal)
                    .Select(d => new LabeledValue(d.Key, Money(d.Sales))),
            ],
            TenderMix =
            [
                .. _tenders
                    .OrderByDescending(t => t.Value)
                    .ThenBy(t => t.Key, StringComparer.Ordinal)
                    .Select(t => new LabeledCount(t.Key, t.Value)),
            ],
            TopStores =
            [
                .. _salesByStore
                    .OrderByDescending(s => s.Value)
                    .ThenBy(s => s.Key)
                    .Take(10)
                    .Select(s => new LabeledValue(stores[s.Key], Money(s.Value))),
            ],
            TopProducts =
            [
                .. _salesByProduct
                    .OrderByDescending(p => p.Value)
                    .ThenBy(p => p.Key)
                    .Take(10)
                    .Select(p => new LabeledValue(_products[p.Key].Label, Money(p.Value))),
            ],
            ActiveCustomers = _activeCustomers,
            StockoutsByDay = [.. _stockoutsByDay.Select(d => new DayCount(Day(d.Key), d.Value))],
        };
    }

    private static MapDc MapDcOf((int Id, string Number, int GeographyId) dc, Geography at) =>
        new(dc.Id, dc.Number, at.City, at.State, at.Latitude, at.Longitude);

    private static MapStore MapStoreOf((int Id, string Number, int GeographyId, int DcId) store, Geography at) =>
        new(store.Id, store.Number, at.City, at.State, at.Latitude, at.Longitude, store.DcId);

    private void AddProduct(Product product)
    {
        _products[product.ID] = (product.Department, product.Brand + " " + product.ProductName);
        var band = product.SalePrice switch
        {
            < 5 => 0,
            < 20 => 1,
            < 100 => 2,
            < 500 => 3,
            _ => 4,
        };
        Increment(_productBands, (product.Department, band));

        // The same double arithmetic as the SQL (SQLite stores money as REAL), so a band edge falls the same way.
        var off = (product.MSRP - product.SalePrice) / product.MSRP;
        _discountBands[
            product.SalePrice >= product.MSRP ? 0
            : off < 0.10 ? 1
            : off < 0.20 ? 2
            : off < 0.30 ? 3
            : 4
        ]++;
    }

    private void AddTruck(Truck truck)
    {
        if (truck.DCID is { } dc)
        {
            var (cold, dry) = _trucksByDc.GetValueOrDefault(dc);
            _trucksByDc[dc] = truck.Refrigeration ? (cold + 1, dry) : (cold, dry + 1);
        }
    }

    private void AddReceipt(Receipt receipt)
    {
        var subtotal = (decimal)receipt.Subtotal;
        var day = DateOnly.FromDateTime(receipt.EventTS);
        var (sales, count) = _salesByDay.GetValueOrDefault(day);
        _salesByDay[day] = (sales + subtotal, count + 1);
        Add(_salesByHour, receipt.EventTS.Hour, subtotal);
        Add(_salesByStore, receipt.StoreID, subtotal);
        Increment(_tenders, receipt.TenderType);
        if (receipt.CustomerID is { } customer && MarkSeen(customer))
        {
            _activeCustomers++;
        }
    }

    private void AddStockMove(StoreInventoryTxn move)
    {
        if (move.Balance == 0 && move.QtyDelta < 0)
        {
            Increment(_stockoutsByDay, DateOnly.FromDateTime(move.EventTS));
        }
    }

    // A growable bit set: customer ids are dense from 1, and up to 10 million of them fit in 1.25 MB.
    private bool MarkSeen(int customer)
    {
        var word = (uint)customer >> 6;
        if (word >= _customersSeen.Length)
        {
            Array.Resize(ref _customersSeen, (int)Math.Max(word + 1, _customersSeen.Length * 2L));
        }

        var bit = 1UL << (customer & 63);
        if ((_customersSeen[word] & bit) != 0)
        {
            return false;
        }

        _customersSeen[word] |= bit;
        return true;
    }

    private static void Each<T>(IRow[] rows, Action<T> add)
    {
        foreach (var row in rows)
        {
            add((T)row);
        }
    }

    private static void Increment<TKey>(IDictionary<TKey, long> counts, TKey key) =>
        counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;

    private static void Add<TKey>(IDictionary<TKey, decimal> sums, TKey key, decimal value) =>
        sums[key] = sums.TryGetValue(key, out var sum) ? sum + value : value;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Through text: the correctly rounded double of the cent value, as SQLite's ROUND(x, 2) returns it.
    private static double Money(decimal sum) =>
        double.Parse(
            Math.Round(sum, 2, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture),
            CultureInfo.InvariantCulture
        );
}
