using System.Globalization;
using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Quality;

/// <summary>
/// Measures the realism KPIs of DATA-CONTRACT §4 on the rows as they are written, like the quality report: it
/// replays store stock from the snapshot and the transactions to get each day's in-stock rate, and counts
/// revenue, baskets, deliveries and trips. The closing stock comes from the quality checker's replay (which
/// has just checked every balance of the day), so the snapshot is not regenerated a third time.
/// </summary>
public sealed class RealismMeter
{
    private readonly MasterPlan _plan;
    private readonly DemandModel _demand;
    private readonly int _products;
    private readonly IReadOnlyList<int[]> _storeBalance;
    private readonly double[] _departmentRevenue;
    private readonly List<double> _inStock = [];
    private readonly List<bool>[] _storeDelivered;
    private readonly List<bool>[] _dcDelivered;
    private readonly Dictionary<DateOnly, long> _receiptsByDay = [];
    private long _saleReceipts;
    private long _saleLines;
    private long _bigTicketLines;
    private long _bigTicketSingles;
    private long _trips;
    private long _lateTrips;
    private double _maxSpeed;
    private long _closedDayReceipts;
    private int _closedDays;
    private readonly ShopperMeter _shoppers;

    public RealismMeter(MasterPlan plan, FactQualityChecker checker)
    {
        _plan = plan;
        _demand = plan.Demand;
        var o = plan.Options;
        _products = o.Products;
        _storeBalance = checker.StoreBalances;
        _departmentRevenue = new double[_demand.Departments.Count];
        _storeDelivered = [.. Enumerable.Range(0, o.Stores).Select(_ => new List<bool>())];
        _dcDelivered = [.. Enumerable.Range(0, o.DistributionCenters).Select(_ => new List<bool>())];
        _shoppers = new ShopperMeter(plan);
    }

    /// <summary>Days of warm-up before the in-stock target applies.</summary>
    public const int WarmUpDays = 14;

    /// <summary>Takes the day's rows in; call after the quality checker has checked the same day.</summary>
    public void Observe(FactDay day)
    {
        var o = _plan.Options;
        var closed = o.ClosedOnHolidays && RetailCalendar.IsStoreClosingHoliday(day.Date);
        _closedDays += closed ? 1 : 0;

        var sales = new HashSet<string>(StringComparer.Ordinal);
        long receipts = 0;
        foreach (var receipt in day.RowsOf<Receipt>(Tables.Receipts))
        {
            if (receipt.ReceiptType == FactCodes.ReceiptType.Sale)
            {
                sales.Add(receipt.ReceiptId);
                receipts++;
                _closedDayReceipts += closed ? 1 : 0;
            }
        }

        _saleReceipts += receipts;
        _receiptsByDay[day.Date] = receipts;
        foreach (var line in day.RowsOf<ReceiptLine>(Tables.ReceiptLines))
        {
            if (!sales.Contains(line.ReceiptId))
            {
                continue;
            }

            _saleLines++;
            _departmentRevenue[_demand.DepartmentOf[line.ProductID - 1]] += line.ExtPrice;
            if (_demand.Products[line.ProductID - 1].SalePrice >= DemandModel.BigTicketPrice)
            {
                _bigTicketLines++;
                _bigTicketSingles += line.Qty == 1 ? 1 : 0;
            }
        }

        var storeToday = new bool[o.Stores];
        foreach (var txn in day.RowsOf<StoreInventoryTxn>(Tables.StoreInventoryTxns))
        {
            storeToday[txn.StoreID - 1] |= txn.Reason == FactCodes.Reason.InboundShipment;
        }

        var dcToday = new bool[o.DistributionCenters];
        foreach (var txn in day.RowsOf<DcInventoryTxn>(Tables.DcInventoryTxns))
        {
            dcToday[txn.DCID - 1] |= txn.Reason == FactCodes.Reason.InboundShipment;
        }

        for (var s = 0; s < o.Stores; s++)
        {
            _storeDelivered[s].Add(storeToday[s]);
        }

        for (var d = 0; d < o.DistributionCenters; d++)
        {
            _dcDelivered[d].Add(dcToday[d]);
        }

        foreach (var trip in day.RowsOf<TruckMove>(Tables.TruckMoves).GroupBy(m => m.ShipmentId))
        {
            var departed = trip.First(m => m.Status == FactCodes.TruckStatus.InTransit).EventTS;
            var arrived = trip.First(m => m.Status == FactCodes.TruckStatus.Arrived);
            _trips++;
            _lateTrips += arrived.EventTS > arrived.ETA ? 1 : 0;
            var hours = (arrived.EventTS - departed).TotalHours;
            _maxSpeed = Math.Max(_maxSpeed, hours > 0 ? arrived.DistanceMiles / hours : double.PositiveInfinity);
        }

        _inStock.Add(InStockRate(day.Date.DayNumber));
        _shoppers.Observe(day);
    }

    /// <summary>The KPIs with their targets, in a stable order.</summary>
    public IReadOnlyList<RealismKpi> Results()
    {
        var o = _plan.Options;
        var profile = _demand.Profile;
        var kpis = new List<RealismKpi>();
        void Add(string kpi, string description, double value, string target, bool met, string unit = "") =>
            kpis.Add(new RealismKpi(kpi, description, Math.Round(value, 4), target, met, unit));

        var revenue = _departmentRevenue.Sum();
        var food =
            revenue <= 0
                ? 0
                : _demand.Departments.Select((_, d) => profile.Departments[d].Food ? _departmentRevenue[d] : 0).Sum()
                    / revenue;
        var electronics = revenue <= 0 ? 0 : _departmentRevenue[IndexOf("Electronics")] / revenue;
        var plannedFood = profile.FoodRevenueShare;
        if (profile.Name == Dictionaries.RetailerProfiles.DefaultName)
        {
            Add(
                "food_revenue_share",
                "Food departments' share of store sales revenue",
                food * 100,
                "≥ 45",
                food >= 0.45,
                "%"
            );
        }
        else
        {
            Add(
                "food_revenue_share",
                "Food departments' share of store sales revenue",
                food * 100,
                $"{Pct(plannedFood - 0.05)}–{Pct(plannedFood + 0.05)}",
                Math.Abs(food - plannedFood) <= 0.05,
                "%"
            );
        }

        Add(
            "electronics_revenue_share",
            "Electronics' share of store sales revenue",
            electronics * 100,
            "≤ 15",
            electronics <= 0.15,
            "%"
        );
        var totalShare = profile.Departments.Sum(d => d.RevenueShare);
        var gap =
            revenue <= 0
                ? 0
                : _demand
                    .Departments.Select(
                        (_, d) =>
                            Math.Abs(
                                (_departmentRevenue[d] / revenue) - (profile.Departments[d].RevenueShare / totalShare)
                            )
                    )
                    .Max();
        Add(
            "department_mix_gap",
            "Largest gap between a department's revenue share and the profile's",
            gap * 100,
            "≤ 5",
            gap <= 0.05,
            "points"
        );
        var linesPerReceipt = _saleReceipts == 0 ? 0 : _saleLines / (double)_saleReceipts;
        Add(
            "lines_per_receipt",
            "Mean lines per sale receipt",
            linesPerReceipt,
            "6–14",
            linesPerReceipt is >= 6 and <= 14
        );
        var singles = _bigTicketLines == 0 ? 1 : _bigTicketSingles / (double)_bigTicketLines;
        Add(
            "big_ticket_single_unit",
            "Lines of items priced ≥ $200 that buy one unit",
            singles * 100,
            "≥ 97",
            singles >= 0.97,
            "%"
        );

        var afterWarmUp = _inStock.Skip(WarmUpDays).ToList();
        if (afterWarmUp.Count > 0)
        {
            Add(
                "in_stock_min",
                $"Lowest daily store in-stock rate after day {WarmUpDays} (launched store-products with stock > 0 at "
                    + "day end)",
                afterWarmUp.Min() * 100,
                "≥ 92",
                afterWarmUp.Min() >= 0.92,
                "%"
            );
        }

        Add(
            "in_stock_avg",
            "Average daily store in-stock rate",
            _inStock.Count == 0 ? 0 : _inStock.Average() * 100,
            "≥ 92",
            _inStock.Count == 0 || _inStock.Average() >= 0.92,
            "%"
        );
        if (_inStock.Count >= 75)
        {
            var drift = (_inStock.TakeLast(30).Average() - _inStock.Skip(WarmUpDays).Take(31).Average()) * 100;
            Add(
                "in_stock_drift",
                "Last 30 days' average in-stock rate minus days 15–45's",
                drift,
                "−3 to +3",
                Math.Abs(drift) <= 3,
                "points"
            );
        }

        if (o.Days >= 7)
        {
            var storeGaps = _storeDelivered.Sum(WeeksWithout);
            Add(
                "store_weeks_without_delivery",
                "Store × 7-day windows without a delivery",
                storeGaps,
                "0",
                storeGaps == 0
            );
            var dcGaps = _dcDelivered.Sum(WeeksWithout);
            Add(
                "dc_weeks_without_supplier_delivery",
                "DC × 7-day windows without a supplier delivery",
                dcGaps,
                "0",
                dcGaps == 0
            );
        }

        var perWeek =
            o.Stores == 0 || o.Days == 0
                ? 0
                : _storeDelivered.Sum(d => d.Count(x => x)) / (double)o.Stores / (o.Days / 7.0);
        Add("store_deliveries_per_week", "Deliveries per store per week", perWeek, "≥ 1", perWeek >= 1);
        Add(
            "truck_speed_max",
            "Highest implied truck speed (road miles ÷ time from departure to arrival)",
            double.IsFinite(_maxSpeed) ? _maxSpeed : 999,
            "≤ 70",
            _maxSpeed <= 70,
            "mph"
        );
        var late = _trips == 0 ? 0 : _lateTrips / (double)_trips;
        var wanted = o.LateTripPercent / 100.0;
        Add(
            "late_trip_share",
            "Trips arriving after their ETA",
            late * 100,
            $"{Pct(Math.Max(0, wanted - 0.03))}–{Pct(wanted + 0.03)}",
            _trips < 50 || Math.Abs(late - wanted) <= 0.03,
            "%"
        );
        Add(
            "closed_day_receipts",
            $"Sale receipts on days stores are closed ({_closedDays} closed day(s) in the window)",
            _closedDayReceipts,
            "0",
            _closedDayReceipts == 0
        );
        if (BlackFridayRatio() is { } ratio)
        {
            Add("black_friday_ratio", "Black Friday's receipts ÷ the median Friday's", ratio, "≥ 1.5", ratio >= 1.5);
        }

        AddCatalog(Add);
        _shoppers.AddResults(Add);
        return kpis;
    }

    private void AddCatalog(Action<string, string, double, string, bool, string> add)
    {
        var products = _demand.Products;
        var start = _plan.Options.StartDate;
        var sizes = _demand.Departments.Select(d => (double)products.Count(p => p.Department == d)).ToArray();
        var mean = sizes.Average();
        var cv = mean == 0 ? 0 : Math.Sqrt(sizes.Average(x => (x - mean) * (x - mean))) / mean;
        add("department_size_cv", "Coefficient of variation of products per department", cv, "≥ 0.3", cv >= 0.3, "");
        var endings =
            products.Count == 0
                ? 0
                : products.Average(p =>
                    (RetailPrice.HasRetailEnding(p.SalePrice) ? 0.5 : 0)
                    + (RetailPrice.HasRetailEnding(p.MSRP) ? 0.5 : 0)
                );
        add(
            "retail_price_endings",
            "SalePrice and MSRP values ending in .99/.97/.49/.79/.89/.29",
            endings * 100,
            "≥ 50",
            endings >= 0.5,
            "%"
        );
        var launched = products.Count == 0 ? 1 : products.Count(p => p.LaunchDate <= start) / (double)products.Count;
        add(
            "launched_by_start",
            "Products launched on or before the start date",
            launched * 100,
            "≥ 85",
            launched >= 0.85,
            "%"
        );
        var house = _plan.Reference.HouseBrands.Select(b => b.Brand).ToHashSet(StringComparer.Ordinal);
        var brands = products.Where(p => !house.Contains(p.Brand)).GroupBy(p => p.Brand).ToList();
        var single =
            brands.Count == 0
                ? 1
                : brands.Count(g => g.Select(p => p.Department).Distinct().Count() == 1) / (double)brands.Count;
        add(
            "brands_single_department",
            "Brands (house brands excepted) selling in one department",
            single * 100,
            "100",
            single >= 1,
            "%"
        );
    }

    private double InStockRate(int dayNumber)
    {
        long launched = 0,
            stocked = 0;
        for (var p = 0; p < _products; p++)
        {
            if (_demand.LaunchDay[p] > dayNumber)
            {
                continue;
            }

            foreach (var balances in _storeBalance)
            {
                launched++;
                stocked += balances[p] > 0 ? 1 : 0;
            }
        }

        return launched == 0 ? 1 : stocked / (double)launched;
    }

    private static int WeeksWithout(List<bool> days)
    {
        var gaps = 0;
        for (var start = 0; start + 7 <= days.Count; start++)
        {
            gaps += days.Skip(start).Take(7).Any(x => x) ? 0 : 1;
        }

        return gaps;
    }

    private double? BlackFridayRatio()
    {
        var fridays = _receiptsByDay.Where(x => x.Key.DayOfWeek == DayOfWeek.Friday).ToList();
        var blackFriday = fridays.FirstOrDefault(x => RetailCalendar.HolidayOn(x.Key)?.Name == "Black Friday");
        var others = fridays
            .Where(x => x.Key != blackFriday.Key && RetailCalendar.HolidayOn(x.Key) is null)
            .Select(x => (double)x.Value)
            .Order()
            .ToList();
        if (blackFriday.Value == 0 || others.Count == 0)
        {
            return null;
        }

        var median =
            others.Count % 2 == 1
                ? others[others.Count / 2]
                : (others[(others.Count / 2) - 1] + others[others.Count / 2]) / 2;
        return median <= 0 ? null : blackFriday.Value / median;
    }

    private int IndexOf(string department) => Math.Max(0, _demand.Departments.ToList().IndexOf(department));

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture);
}
