using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Quality;

/// <summary>
/// The shopper KPIs of DATA-CONTRACT §4, measured on the written rows: where identified customers shop relative
/// to home, how often they travel, who is anonymous, how concentrated visits are, whether store volume follows the
/// people living around the store, the in-store sensors, marketing, refunds, and the customer table's names and ZIPs.
/// </summary>
internal sealed class ShopperMeter
{
    private const double MilesPerKm = 1 / 1.609344;
    private readonly MasterPlan _plan;
    private readonly TradeAreas _trade;
    private readonly CustomerGenerator _customers;
    private readonly (double Lat, double Lon)[] _storeSites;
    private readonly int[] _receiptsPerCustomer;
    private readonly long[] _receiptsPerStore;
    private readonly double[] _zoneDwell = new double[StoreZones.All.Length];
    private readonly long[] _zoneVisitors = new long[StoreZones.All.Length];
    private readonly HashSet<string> _channels = new(StringComparer.Ordinal);
    private long _saleReceipts,
        _anonymous,
        _identified,
        _nearHome,
        _customerDays,
        _travelDays;
    private long _bleVisits,
        _bleOrdered,
        _bleBuyerReceipts,
        _storeDays,
        _storeDaysOutside;
    private long _impressions,
        _nightImpressions,
        _converted,
        _returnRows,
        _returnRowsCovered;

    public ShopperMeter(MasterPlan plan)
    {
        _plan = plan;
        _trade = plan.TradeAreas;
        _customers = new CustomerGenerator(plan);
        _storeSites =
        [
            .. plan.Stores.Select(s =>
                (plan.Geographies[s.GeographyID - 1].Latitude, plan.Geographies[s.GeographyID - 1].Longitude)
            ),
        ];
        _receiptsPerCustomer = new int[plan.Options.Customers];
        _receiptsPerStore = new long[plan.Options.Stores];
    }

    public void Observe(FactDay day)
    {
        var receipts = day.RowsOf<Receipt>(Tables.Receipts).ToList();
        var sales = receipts.Where(r => r.ReceiptType == FactCodes.ReceiptType.Sale).ToList();
        var visitsByCustomer = new Dictionary<int, List<int>>();
        var receiptAt = new Dictionary<(int Store, string Ble, int Hour), DateTime>();
        var salesPerStore = new long[_plan.Options.Stores];
        foreach (var receipt in sales)
        {
            _saleReceipts++;
            _receiptsPerStore[receipt.StoreID - 1]++;
            salesPerStore[receipt.StoreID - 1]++;
            if (receipt.CustomerID is not { } id)
            {
                _anonymous++;
                continue;
            }

            _identified++;
            _receiptsPerCustomer[id - 1]++;
            var home = _trade.Locate(id - 1);
            var site = _storeSites[receipt.StoreID - 1];
            _nearHome += Miles(home.Latitude, home.Longitude, site.Lat, site.Lon) <= TradeAreas.ReachMiles ? 1 : 0;
            (visitsByCustomer.TryGetValue(id, out var stores) ? stores : visitsByCustomer[id] = []).Add(
                receipt.StoreID
            );
            receiptAt[(receipt.StoreID, _customers.BleId(id - 1), receipt.EventTS.Hour)] = receipt.EventTS;
        }

        foreach (var stores in visitsByCustomer.Values)
        {
            _customerDays++;
            var distinct = stores.Distinct().ToList();
            var far = false;
            for (var a = 0; a < distinct.Count && !far; a++)
            {
                for (var b = a + 1; b < distinct.Count && !far; b++)
                {
                    var (x, y) = (_storeSites[distinct[a] - 1], _storeSites[distinct[b] - 1]);
                    far = Miles(x.Lat, x.Lon, y.Lat, y.Lon) > 100;
                }
            }

            _travelDays += far ? 1 : 0;
        }

        ObserveSensors(day, receiptAt, salesPerStore);
        ObserveMarketing(day, receipts);
    }

    public void AddResults(Action<string, string, double, string, bool, string> add)
    {
        var o = _plan.Options;
        var near = _identified == 0 ? 1 : _nearHome / (double)_identified;
        add(
            "trade_area_share",
            "Identified in-store receipts at a store within 50 miles of the customer's home",
            near * 100,
            "≥ 90",
            near >= 0.9,
            "%"
        );
        var travel = _customerDays == 0 ? 0 : _travelDays / (double)_customerDays;
        add(
            "travel_day_share",
            "Customer-days with receipts at stores more than 100 miles apart",
            travel * 100,
            "≤ 0.5",
            travel <= 0.005,
            "%"
        );
        var anonymous = _saleReceipts == 0 ? 0 : _anonymous / (double)_saleReceipts;
        add(
            "anonymous_share",
            "Sale receipts without a known customer",
            anonymous * 100,
            "20–60",
            anonymous is >= 0.2 and <= 0.6,
            "%"
        );
        var active = _receiptsPerCustomer.Where(c => c > 0).OrderDescending().ToList();
        var top = active.Count == 0 ? 0 : active.Take(Math.Max(1, active.Count / 10)).Sum() / (double)active.Sum();
        add(
            "top_decile_receipt_share",
            "Identified receipts brought by the 10% most frequent active customers",
            top * 100,
            "≥ 30",
            top >= 0.3,
            "%"
        );
        if (o.Stores >= 5)
        {
            var rho = RankCorrelation.Spearman(
                [.. _receiptsPerStore.Select(x => (double)x)],
                [.. Enumerable.Range(1, o.Stores).Select(s => (double)_trade.CustomersWithin25Miles(s))]
            );
            add(
                "store_volume_spearman",
                "Spearman correlation of a store's receipts with the customers living within 25 miles",
                rho,
                "≥ 0.5",
                rho >= 0.5,
                ""
            );
        }

        var ordered = _bleVisits == 0 ? 1 : _bleOrdered / (double)_bleVisits;
        add(
            "ble_visits_in_order",
            "BLE visits running ENTRANCE → zones → CHECKOUT, at or before the receipt + 5 min",
            ordered * 100,
            "≥ 95",
            ordered >= 0.95,
            "%"
        );
        var seen = _identified == 0 ? 0 : _bleBuyerReceipts / (double)_identified;
        add(
            "ble_seen_share",
            "Identified sale receipts whose customer the beacons saw (app users)",
            seen * 100,
            $"{Math.Max(0, o.AppUserPercent - 10)}–{o.AppUserPercent + 10}",
            Math.Abs((seen * 100) - o.AppUserPercent) <= 10,
            "%"
        );
        var dwell = _zoneVisitors.Select((v, z) => v == 0 ? double.NaN : _zoneDwell[z] / v).ToArray();
        var others = dwell.Skip(1).Where(d => !double.IsNaN(d)).DefaultIfEmpty(double.PositiveInfinity).Min();
        add(
            "entrance_dwell",
            "Mean dwell at the entrance (below every other zone's)",
            double.IsNaN(dwell[0]) ? 0 : dwell[0],
            "≤ 180",
            dwell[0] <= 180 && dwell[0] < others,
            "s"
        );
        add(
            "store_days_conversion_outside",
            "Store-days whose receipts ÷ entrance count fall outside 0.15–0.70",
            _storeDaysOutside,
            "0",
            _storeDaysOutside == 0,
            ""
        );
        var night = _impressions == 0 ? 0 : _nightImpressions / (double)_impressions;
        add("night_impressions", "Impressions between 00:00 and 05:00", night * 100, "≤ 10", night <= 0.1, "%");
        add(
            "channels_used",
            "Marketing channels with impressions",
            _channels.Count,
            "≥ 5",
            _channels.Count >= Math.Min(5, MarketingGenerator.Channels.Length),
            ""
        );
        var conversion = _impressions == 0 ? 0 : _converted / (double)_impressions;
        add(
            "impression_conversion",
            "Campaign purchases (receipt lines whose PromoCode is a campaign) per impression",
            conversion * 100,
            "0.3–3",
            o.Days < 3 || conversion is >= 0.003 and <= 0.03,
            "%"
        );
        var covered = _returnRows == 0 ? 1 : _returnRowsCovered / (double)_returnRows;
        add(
            "refund_coverage",
            "RETURN inventory rows tied to a refund receipt",
            covered * 100,
            "100",
            covered >= 1,
            "%"
        );
        AddPeople(add);
    }

    private void AddPeople(Action<string, string, double, string, bool, string> add)
    {
        var o = _plan.Options;
        var surnames = new Dictionary<string, int>(StringComparer.Ordinal);
        var zips = new Dictionary<int, HashSet<string>>();
        for (var i = 0; i < o.Customers; i++)
        {
            var customer = (Customer)_customers.Create(i);
            surnames[customer.LastName] = surnames.GetValueOrDefault(customer.LastName) + 1;
            (zips.TryGetValue(customer.GeographyID, out var set) ? set : zips[customer.GeographyID] = []).Add(
                customer.ZipCode
            );
        }

        var counts = surnames.Values.OrderDescending().ToList();
        var topShare = counts.Count == 0 ? 0 : counts[0] / (double)o.Customers;
        var topTen = counts.Take(10).Sum() / (double)Math.Max(1, o.Customers);
        add(
            "top_surname_share",
            "Customers with the most common surname",
            topShare * 100,
            "0.5–1.5",
            topShare is >= 0.005 and <= 0.015 || o.Customers < 2_000,
            "%"
        );
        add(
            "top_ten_surnames_share",
            "Customers with one of the ten most common surnames",
            topTen * 100,
            "≥ 4",
            topTen >= 0.04 || o.Customers < 2_000,
            "%"
        );
        var largest = zips
            .Keys.OrderByDescending(g =>
                _plan.Geographies[g - 1] is { } geo
                    ? _plan
                        .Reference.Geographies.FirstOrDefault(r => r.City == geo.City && r.State == geo.State)
                        ?.Population
                        ?? 0
                    : 0
            )
            .Take(5)
            .Select(g => zips[g].Count)
            .ToList();
        var fewest = largest.Count == 0 ? 0 : largest.Min();
        add(
            "largest_places_zip_spread",
            "Fewest distinct customer ZIPs among the five largest places customers live in",
            fewest,
            "≥ 5",
            fewest >= 5 || o.Customers < 5_000,
            ""
        );
    }

    private void ObserveSensors(
        FactDay day,
        Dictionary<(int Store, string Ble, int Hour), DateTime> receiptAt,
        long[] salesPerStore
    )
    {
        var entrancePerStore = new long[_plan.Options.Stores];
        foreach (var row in day.RowsOf<FootTraffic>(Tables.FootTraffic))
        {
            var zone = Array.IndexOf(StoreZones.All, row.Zone);
            if (zone >= 0 && row.Count > 0)
            {
                _zoneVisitors[zone] += row.Count;
                _zoneDwell[zone] += (double)row.Dwell * row.Count;
            }

            entrancePerStore[row.StoreID - 1] += row.Zone == FactCodes.Zone.Entrance ? row.Count : 0;
        }

        for (var s = 0; s < entrancePerStore.Length; s++)
        {
            if (entrancePerStore[s] > 0)
            {
                _storeDays++;
                var ratio = salesPerStore[s] / (double)entrancePerStore[s];
                _storeDaysOutside += ratio is < 0.15 or > 0.7 ? 1 : 0;
            }
        }

        foreach (
            var visit in day.RowsOf<BlePing>(Tables.BlePings)
                .GroupBy(p => (p.StoreID, p.CustomerBLEId, p.EventTS.Hour))
        )
        {
            var pings = visit.ToList();
            _bleVisits++;
            var inOrder =
                pings[0].Zone == FactCodes.Zone.Entrance
                && pings.Zip(pings.Skip(1)).All(p => p.First.EventTS <= p.Second.EventTS);
            if (receiptAt.TryGetValue(visit.Key, out var paid))
            {
                _bleBuyerReceipts++;
                inOrder &= pings[^1].Zone == FactCodes.Zone.Checkout && pings[^1].EventTS <= paid.AddMinutes(5);
            }

            _bleOrdered += inOrder ? 1 : 0;
        }
    }

    private void ObserveMarketing(FactDay day, List<Receipt> receipts)
    {
        foreach (var impression in day.RowsOf<MarketingImpression>(Tables.Marketing))
        {
            _impressions++;
            _nightImpressions += impression.EventTS.Hour < 5 ? 1 : 0;
            _channels.Add(impression.Channel);
        }

        _converted += day.RowsOf<ReceiptLine>(Tables.ReceiptLines)
            .Count(l => l.PromoCode is { } code && code.StartsWith("CMP-", StringComparison.Ordinal));
        var refunds = receipts
            .Where(r => r.ReceiptType == FactCodes.ReceiptType.Return)
            .Select(r => r.ReceiptId)
            .ToHashSet(StringComparer.Ordinal);
        foreach (
            var txn in day.RowsOf<StoreInventoryTxn>(Tables.StoreInventoryTxns)
                .Where(t => t.Reason == FactCodes.Reason.Return)
        )
        {
            _returnRows++;
            _returnRowsCovered += refunds.Contains(txn.Source) ? 1 : 0;
        }
    }

    private static double Miles(double lat1, double lon1, double lat2, double lon2) =>
        GeoMath.DistanceKm(lat1, lon1, lat2, lon2) * MilesPerKm;
}
