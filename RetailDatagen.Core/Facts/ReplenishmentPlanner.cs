using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>The trips planned at the start of a day, each filed under the days its rows fall on.</summary>
internal sealed class TripBook
{
    private readonly Dictionary<int, List<Shipment>> _byLoadingDay = [];
    private readonly Dictionary<int, List<Shipment>> _byUnloadingDay = [];

    public void Add(Shipment shipment, int loadingDay, int unloadingDay)
    {
        (_byLoadingDay.TryGetValue(loadingDay, out var a) ? a : _byLoadingDay[loadingDay] = []).Add(shipment);
        (_byUnloadingDay.TryGetValue(unloadingDay, out var b) ? b : _byUnloadingDay[unloadingDay] = []).Add(shipment);
    }

    /// <summary>Trips whose truck loads on the day (their truck_moves rows and the DC's outbound rows are that
    /// day's).</summary>
    public List<Shipment> TakeLoading(int day) => _byLoadingDay.Remove(day, out var list) ? list : [];

    /// <summary>Trips that unload on the day (store inbound and supplier-to-DC inbound rows).</summary>
    public List<Shipment> TakeUnloading(int day) => _byUnloadingDay.Remove(day, out var list) ? list : [];
}

/// <summary>
/// Plans replenishment at the start of each day from the stock the previous day left (DATA-CONTRACT §4). Each DC
/// visits its stores on a rolling review: a store is due when its review interval has passed (refrigerated
/// goods ride only refrigerated trucks, so they may have a longer one); a due store's trip carries every launched
/// product at or below its reorder point, filled up to its order-up-to level as far as the DC's free stock allows.
/// Trips take road distance at truck speeds plus loading and unloading; they arrive in store hours (multi-day
/// hauls arrive days later); a truck starts a trip only when back from the last one, so it does several a day only
/// when time allows; a share arrive late. Then each DC orders from suppliers what is at or below its reorder
/// point, counting what is already on order. State (trucks, last visits, DC reservations) carries across days.
/// </summary>
internal sealed class ReplenishmentPlanner
{
    private readonly FactWorld _world;
    private readonly TruckSlot[][] _dcFleet;
    private readonly TruckSlot[] _supplierFleet;
    private readonly int[] _lastDry;
    private readonly int[] _lastCold;
    private readonly bool[] _outstanding;
    private readonly int _lastDay;

    public ReplenishmentPlanner(FactWorld world)
    {
        _world = world;
        var o = world.Options;
        var trucks = world.Plan.Trucks;
        _dcFleet =
        [
            .. Enumerable
                .Range(1, o.DistributionCenters)
                .Select(dc =>
                    trucks.Where(t => t.DCID == dc).Select(t => new TruckSlot(t.ID, t.Refrigeration)).ToArray()
                ),
        ];
        _supplierFleet = [.. trucks.Where(t => t.DCID is null).Select(t => new TruckSlot(t.ID, t.Refrigeration))];
        Reserved = [.. Enumerable.Range(0, o.DistributionCenters).Select(_ => new int[world.ProductCount])];
        OnOrder = [.. Enumerable.Range(0, o.DistributionCenters).Select(_ => new int[world.ProductCount])];

        // Stagger the first visits over each DC's review interval, so stores do not all come due on day one.
        _lastDry = new int[o.Stores];
        _lastCold = new int[o.Stores];
        _outstanding = new bool[o.Stores];
        for (var dc = 0; dc < o.DistributionCenters; dc++)
        {
            var stores = world.Demand.Routes.StoresOf(dc);
            for (var i = 0; i < stores.Count; i++)
            {
                _lastDry[stores[i]] = -1 - (i % world.Demand.Routes.ReviewDays(dc, cold: false));
                _lastCold[stores[i]] = -1 - (i % world.Demand.Routes.ReviewDays(dc, cold: true));
            }
        }

        _lastDay = o.Days - 1;
    }

    /// <summary>Stock each DC (0-based) has promised to planned store trips that have not loaded yet.</summary>
    public int[][] Reserved { get; }

    /// <summary>Stock each DC has ordered from suppliers that has not arrived yet.</summary>
    public int[][] OnOrder { get; }

    public TripBook Book { get; } = new();

    /// <summary>The store (0-based) has received the trip: it may be planned again.</summary>
    public void Delivered(Shipment shipment)
    {
        if (shipment.StoreId is { } store)
        {
            _outstanding[store - 1] = false;
        }
        else
        {
            foreach (var line in shipment.Lines)
            {
                OnOrder[shipment.DcId - 1][line.Product] -= line.Qty;
            }
        }
    }

    /// <summary>Plans the trips that start on the day (day index from the start date); returns them in planning
    /// order.</summary>
    public List<Shipment> Plan(int dayIndex)
    {
        var o = _world.Options;
        var perDc = new List<Shipment>[o.DistributionCenters];
        Parallel.For(0, o.DistributionCenters, d => perDc[d] = PlanStores(d, dayIndex));
        var all = perDc.SelectMany(x => x).ToList();
        all.AddRange(PlanSuppliers(dayIndex));
        var day = FactIds.Day(o.StartDate.AddDays(dayIndex));
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Id = FactIds.Shipment(day, i + 1);
            Book.Add(all[i], DayIndex(all[i].Loading), DayIndex(all[i].Unloading));
        }

        return all;
    }

    private List<Shipment> PlanStores(int dc, int dayIndex)
    {
        var routes = _world.Demand.Routes;
        var dryInterval = routes.ReviewDays(dc, cold: false);
        var coldInterval = routes.ReviewDays(dc, cold: true);
        var due = routes
            .StoresOf(dc)
            .Where(s => !_outstanding[s])
            .Select(s =>
                (
                    Store: s,
                    Overdue: Math.Max(
                        (dayIndex - _lastDry[s]) / (double)dryInterval,
                        (dayIndex - _lastCold[s]) / (double)coldInterval
                    )
                )
            )
            .Where(x => x.Overdue >= 1)
            .OrderByDescending(x => x.Overdue)
            .ThenBy(x => x.Store)
            .ToList();
        var shipments = new List<Shipment>();
        var reserved = Reserved[dc];
        foreach (var (store, _) in due)
        {
            var coldDue = dayIndex - _lastCold[store] >= coldInterval;
            var random = new RowRandom(_world.Options.Seed, RandomStream.Trips, ((long)dayIndex << 24) + store);
            var trip = PlanTrip(dc, store, dayIndex, coldDue, ref random);
            if (trip is null)
            {
                continue;
            }

            var (truck, times, lines) = trip.Value;
            foreach (var line in lines)
            {
                reserved[line.Product] += line.Qty;
            }

            truck.FreeAt = times.TruckFree;
            _outstanding[store] = true;
            _lastDry[store] = dayIndex;
            if (truck.Refrigerated)
            {
                _lastCold[store] = dayIndex;
            }

            shipments.Add(times.ToShipment(dc + 1, store + 1, truck, lines, routes.StoreMiles(store)));
        }

        return shipments;
    }

    private (TruckSlot Truck, TripTimes Times, List<ShipmentLine> Lines)? PlanTrip(
        int dc,
        int store,
        int dayIndex,
        bool coldDue,
        ref RowRandom random
    )
    {
        var routes = _world.Demand.Routes;
        var latestArrival = Math.Min(_lastDay, dayIndex + routes.StoreLeadDays(store));
        TruckSlot? best = null;
        TripTimes bestTimes = default;
        (int Day, int Mismatch, DateTime Eta) bestKey = (int.MaxValue, 0, DateTime.MaxValue);
        var draw = TripDraw.From(ref random, _world.Options.LateTripPercent);
        foreach (var truck in _dcFleet[dc])
        {
            if (
                TripTimes.ToStore(
                    _world,
                    truck.FreeAt,
                    DayStart(dayIndex),
                    routes.StoreMiles(store),
                    draw,
                    latestArrival
                )
                is not { } times
            )
            {
                continue;
            }

            // The earliest arrival day wins; on the same day, a refrigerated truck when cold goods are due (a dry
            // truck otherwise, keeping refrigerated ones free), then the earliest ETA.
            var key = (DayIndex(times.Eta), truck.Refrigerated == coldDue ? 0 : 1, times.Eta);
            if (best is null || key.CompareTo(bestKey) < 0)
            {
                (best, bestTimes, bestKey) = (truck, times, key);
            }
        }

        if (best is null)
        {
            return null;
        }

        var arrivalDay = _world.Options.StartDate.AddDays(bestKey.Day).DayNumber;
        var lines = Lines(dc, store, arrivalDay, best.Refrigerated, topUp: dayIndex - _lastDry[store] >= 6);
        return lines.Count == 0 ? null : (best, bestTimes, lines);
    }

    // Every launched product at or below its reorder point, up to its order-up-to level, as the DC's free stock
    // allows; refrigerated products only on a refrigerated truck. A store a week without a trip also gets top-ups.
    private List<ShipmentLine> Lines(int dc, int store, int arrivalDay, bool refrigerated, bool topUp)
    {
        var stock = _world.StoreStock[store];
        var dcStock = _world.DcStock[dc];
        var reserved = Reserved[dc];
        var launch = _world.Demand.LaunchDay;
        var lines = new List<ShipmentLine>();
        for (var p = 0; p < _world.ProductCount; p++)
        {
            if (launch[p] > arrivalDay || (!refrigerated && _world.Products[p].RequiresRefrigeration))
            {
                continue;
            }

            var onHand = stock.OnHand[p];
            if (onHand > stock.Reorder[p] && !(topUp && onHand < stock.OrderUpTo[p]))
            {
                continue;
            }

            var qty = Math.Min(stock.OrderUpTo[p] - onHand, dcStock.OnHand[p] - reserved[p]);
            if (qty > 0)
            {
                lines.Add(new ShipmentLine(p, qty));
            }
        }

        return lines;
    }

    private List<Shipment> PlanSuppliers(int dayIndex)
    {
        var o = _world.Options;
        var shipments = new List<Shipment>();
        for (var dc = 0; dc < o.DistributionCenters; dc++)
        {
            var stock = _world.DcStock[dc];
            var lines = new[] { new List<ShipmentLine>(), new List<ShipmentLine>() };
            for (var p = 0; p < _world.ProductCount; p++)
            {
                var position = stock.OnHand[p] - Reserved[dc][p] + OnOrder[dc][p];
                if (position <= stock.Reorder[p])
                {
                    lines[_world.Products[p].RequiresRefrigeration ? 1 : 0]
                        .Add(new ShipmentLine(p, stock.OrderUpTo[p] - position));
                }
            }

            foreach (var cold in new[] { true, false })
            {
                var batch = lines[cold ? 1 : 0];
                if (batch.Count == 0)
                {
                    continue;
                }

                var random = new RowRandom(
                    o.Seed,
                    RandomStream.Trips,
                    ((long)dayIndex << 24) + (1 << 20) + (dc * 2) + (cold ? 1 : 0)
                );
                var draw = TripDraw.From(ref random, o.LateTripPercent);
                var miles = _world.Demand.Routes.SupplierMiles(dc, cold);
                var truck = _supplierFleet
                    .Where(t => t.Refrigerated || !cold)
                    .OrderBy(t => t.FreeAt)
                    .ThenBy(t => cold || !t.Refrigerated ? 0 : 1)
                    .ThenBy(t => t.Id)
                    .FirstOrDefault();
                var times = truck is null
                    ? null
                    : TripTimes.ToDc(_world, truck.FreeAt, DayStart(dayIndex), miles, draw);
                if (truck is null || times is null)
                {
                    continue;
                }

                truck.FreeAt = times.Value.TruckFree;
                foreach (var line in batch)
                {
                    OnOrder[dc][line.Product] += line.Qty;
                }

                shipments.Add(times.Value.ToShipment(dc + 1, null, truck, batch, miles));
            }
        }

        return shipments;
    }

    private DateTime DayStart(int dayIndex) => _world.Options.StartDate.AddDays(dayIndex).ToDateTime(TimeOnly.MinValue);

    private int DayIndex(DateTime time) => DateOnly.FromDateTime(time).DayNumber - _world.Options.StartDate.DayNumber;
}

/// <summary>A truck and when it is next free (back at its base).</summary>
internal sealed class TruckSlot(int id, bool refrigerated)
{
    public int Id { get; } = id;
    public bool Refrigerated { get; } = refrigerated;
    public DateTime FreeAt { get; set; } = DateTime.MinValue;
}
