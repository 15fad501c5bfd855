using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// At the end of each day, plans the next day's trips: every store product at or below its reorder point is
/// restocked to its par level by the store's serving DC (one shipment per store-DC-day, as far as the DC's
/// stock and fleet allow), then every DC product at or below its reorder point is ordered from suppliers.
/// A truck takes one trip at a time: a trip starts when the truck is back from its previous one, and all of
/// it happens inside store hours; what does not fit waits for the next day's plan.
/// </summary>
internal sealed class ReplenishmentPlanner(FactWorld world)
{
    private const int LoadMinutes = 30;
    private const int UnloadMinutes = 30;

    /// <summary>Plans the trips of the day; returns them with ids and the DC quantities they reserve.</summary>
    public (List<Shipment> Shipments, int[][] Reserved) Plan(int dayIndex, DateOnly date)
    {
        var o = world.Options;
        var open = date.ToDateTime(new TimeOnly(o.StoreOpenHour, 0));
        var close = date.ToDateTime(TimeOnly.MinValue).AddHours(o.StoreCloseHour);
        var dcCount = o.DistributionCenters;
        var perDc = new List<Shipment>[dcCount];
        var reserved = new int[dcCount][];

        // DCs are independent of each other here: plan them in parallel.
        Parallel.For(0, dcCount, d => (perDc[d], reserved[d]) = PlanStores(d + 1, open, close));

        var supplier = PlanSuppliers(dayIndex, reserved, open, close);
        var all = perDc.SelectMany(x => x).Concat(supplier).ToList();
        var day = FactIds.Day(date);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Id = FactIds.Shipment(day, i + 1);
        }

        return (all, reserved);
    }

    private (List<Shipment>, int[]) PlanStores(int dcId, DateTime open, DateTime close)
    {
        var products = world.ProductCount;
        var dcQty = world.DcQty[dcId - 1];
        var allocated = new int[products];
        var trucks = world.Plan.Trucks.Where(t => t.DCID == dcId).Select(t => new TruckSlot(t.ID, t.Refrigeration, open)).ToList();
        var shipments = new List<Shipment>();
        if (trucks.Count == 0)
        {
            return (shipments, allocated);
        }

        var hasRefrigerated = trucks.Any(t => t.Refrigerated);
        foreach (var storeId in world.StoresByDc[dcId - 1])
        {
            var qty = world.StoreQty[storeId - 1];
            var reorder = world.StoreReorder[storeId - 1];
            var target = world.StoreTarget[storeId - 1];
            var lines = new List<ShipmentLine>();
            for (var p = 0; p < products; p++)
            {
                if (qty[p] > reorder[p] || (!hasRefrigerated && world.Products[p].RequiresRefrigeration))
                {
                    continue;
                }

                var take = Math.Min(target[p] - qty[p], dcQty[p] - allocated[p]);
                if (take > 0)
                {
                    lines.Add(new ShipmentLine(p, take));
                }
            }

            if (lines.Count == 0)
            {
                continue;
            }

            var needsCold = lines.Exists(l => world.Products[l.Product].RequiresRefrigeration);
            var travel = world.TravelMinutes[storeId - 1];
            var truck = Earliest(trucks, needsCold);
            var shipment = Trip(dcId, storeId, truck, lines, travel, travel, UnloadMinutes);
            if (shipment.Completed > close.AddMinutes(-1))
            {
                continue;
            }

            truck.FreeAt = shipment.TruckFree;
            foreach (var line in lines)
            {
                allocated[line.Product] += line.Qty;
            }

            shipments.Add(shipment);
        }

        return (shipments, allocated);
    }

    private List<Shipment> PlanSuppliers(int dayIndex, int[][] reserved, DateTime open, DateTime close)
    {
        var trucks = world.Plan.Trucks.Where(t => t.DCID is null).Select(t => new TruckSlot(t.ID, t.Refrigeration, open)).ToList();
        var shipments = new List<Shipment>();
        for (var d = 0; d < world.Options.DistributionCenters; d++)
        {
            var qty = world.DcQty[d];
            var lines = new[] { new List<ShipmentLine>(), new List<ShipmentLine>() };
            for (var p = 0; p < world.ProductCount; p++)
            {
                var available = qty[p] - reserved[d][p];
                if (available <= world.DcReorder[d][p])
                {
                    lines[world.Products[p].RequiresRefrigeration ? 1 : 0].Add(new ShipmentLine(p, world.DcTarget[d][p] - available));
                }
            }

            var random = new RowRandom(world.Options.Seed, RandomStream.StoreDay, ((long)dayIndex << 20) + 100_000 + d);
            foreach (var cold in new[] { true, false })
            {
                var batch = lines[cold ? 1 : 0];
                if (batch.Count == 0 || !trucks.Exists(t => t.Refrigerated || !cold))
                {
                    continue;
                }

                var truck = Earliest(trucks, cold);
                var travel = random.NextInt(60, 180);
                var shipment = Trip(d + 1, null, truck, batch, travel, travel, 50);
                if (shipment.Completed > close.AddMinutes(-1))
                {
                    continue;
                }

                truck.FreeAt = shipment.TruckFree;
                shipments.Add(shipment);
            }
        }

        return shipments;
    }

    private static Shipment Trip(int dcId, int? storeId, TruckSlot truck, List<ShipmentLine> lines, int travel, int back, int unload)
    {
        var start = truck.FreeAt;
        var loading = start.AddMinutes(5);
        var departed = loading.AddMinutes(LoadMinutes);
        var arrived = departed.AddMinutes(travel);
        var unloading = arrived.AddMinutes(5);
        var completed = unloading.AddMinutes(unload);
        return new Shipment
        {
            DcId = dcId,
            StoreId = storeId,
            TruckId = truck.Id,
            RefrigeratedTruck = truck.Refrigerated,
            Lines = lines,
            Scheduled = start,
            Loading = loading,
            InTransit = departed,
            Arrived = arrived,
            Unloading = unloading,
            Completed = completed,
            TruckFree = completed.AddMinutes(back),
        };
    }

    // The truck free soonest that can carry the load; a load without cold items prefers a dry truck.
    private static TruckSlot Earliest(List<TruckSlot> trucks, bool needsCold) =>
        trucks.Where(t => t.Refrigerated || !needsCold)
            .OrderBy(t => t.FreeAt)
            .ThenBy(t => !needsCold && t.Refrigerated)
            .ThenBy(t => t.Id)
            .First();

    private sealed class TruckSlot(int id, bool refrigerated, DateTime freeAt)
    {
        public int Id { get; } = id;
        public bool Refrigerated { get; } = refrigerated;
        public DateTime FreeAt { get; set; } = freeAt;
    }
}
