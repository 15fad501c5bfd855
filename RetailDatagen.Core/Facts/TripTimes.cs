using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>The random parts of one trip, drawn once from the trip's own stream.</summary>
internal readonly record struct TripDraw(
    double SpeedMph,
    int LoadMinutes,
    int UnloadMinutes,
    bool Late,
    int DelayMinutes,
    double EarlyShare,
    int OffsetMinutes
)
{
    public static TripDraw From(ref RowRandom random, int latePercent) =>
        new(
            random.Uniform(SupplyChain.MinSpeedMph, SupplyChain.MaxSpeedMph),
            SupplyChain.MinLoadMinutes + random.NextInt(SupplyChain.MaxLoadMinutes - SupplyChain.MinLoadMinutes + 1),
            SupplyChain.MinUnloadMinutes
                + random.NextInt(SupplyChain.MaxUnloadMinutes - SupplyChain.MinUnloadMinutes + 1),
            random.NextDouble() * 100 < latePercent,
            SupplyChain.MinLateMinutes + random.NextInt(SupplyChain.MaxLateMinutes - SupplyChain.MinLateMinutes + 1),
            random.NextDouble(),
            random.NextInt(120)
        );
}

/// <summary>
/// The status times of one trip. Drive time is road miles at the trip's speed; a store trip is timed to arrive in
/// the store's open hours (starting later rather than waiting), leaving room for a late arrival to unload before
/// closing; a trip to a DC may arrive at any hour.
/// </summary>
internal readonly record struct TripTimes(
    DateTime Scheduled,
    DateTime Loading,
    DateTime InTransit,
    DateTime Eta,
    DateTime Arrived,
    DateTime Unloading,
    DateTime Completed,
    DateTime Etd,
    DateTime TruckFree
)
{
    public static TripTimes? ToStore(
        FactWorld world,
        DateTime truckFree,
        DateTime dayStart,
        double miles,
        TripDraw draw,
        int latestArrivalDay
    )
    {
        var o = world.Options;
        var drive = TimeSpan.FromHours(miles / draw.SpeedMph);
        var lead = TimeSpan.FromMinutes(SupplyChain.ScheduleToLoadMinutes + draw.LoadMinutes) + drive;
        var eta = Max(truckFree, dayStart) + lead;
        var afterArrival = SupplyChain.ArriveToUnloadMinutes + draw.UnloadMinutes + SupplyChain.MaxLateMinutes;
        for (
            var day = DateOnly.FromDateTime(eta);
            day.DayNumber - o.StartDate.DayNumber <= latestArrivalDay;
            day = day.AddDays(1)
        )
        {
            if (world.StoresClosed(day))
            {
                continue;
            }

            var midnight = day.ToDateTime(TimeOnly.MinValue);
            var opens = midnight.AddHours(o.StoreOpenHour).AddMinutes(SupplyChain.MaxEarlyMinutes + draw.OffsetMinutes);
            var lastEta = midnight.AddHours(o.StoreCloseHour).AddMinutes(-afterArrival);
            var candidate = Max(eta, opens);
            if (candidate <= lastEta)
            {
                return Build(candidate - lead, candidate, drive, draw, draw.UnloadMinutes);
            }
        }

        return null;
    }

    public static TripTimes? ToDc(FactWorld world, DateTime truckFree, DateTime dayStart, double miles, TripDraw draw)
    {
        var drive = TimeSpan.FromHours(miles / draw.SpeedMph);
        var start = Max(truckFree, dayStart.AddMinutes(draw.OffsetMinutes));
        var eta = start + TimeSpan.FromMinutes(SupplyChain.ScheduleToLoadMinutes + draw.LoadMinutes) + drive;
        var times = Build(start, eta, drive, draw, draw.UnloadMinutes);
        var end = world.Options.StartDate.AddDays(world.Options.Days).ToDateTime(TimeOnly.MinValue);
        return times.Completed < end ? times : null;
    }

    public Shipment ToShipment(int dcId, int? storeId, TruckSlot truck, List<ShipmentLine> lines, double miles) =>
        new()
        {
            DcId = dcId,
            StoreId = storeId,
            TruckId = truck.Id,
            RefrigeratedTruck = truck.Refrigerated,
            Lines = lines,
            Miles = miles,
            Scheduled = Scheduled,
            Loading = Loading,
            InTransit = InTransit,
            Eta = Eta,
            Arrived = Arrived,
            Unloading = Unloading,
            Completed = Completed,
            Etd = Etd,
            TruckFree = TruckFree,
        };

    // A late trip arrives DelayMinutes after its ETA; an on-time one a little early (at most 10% of the drive, so the
    // implied speed stays within 1/0.9 of the planned one).
    private static TripTimes Build(DateTime start, DateTime eta, TimeSpan drive, TripDraw draw, int unloadMinutes)
    {
        var loading = start.AddMinutes(SupplyChain.ScheduleToLoadMinutes);
        var inTransit = eta - drive;
        var early = Math.Min(SupplyChain.MaxEarlyMinutes, drive.TotalMinutes * 0.1) * draw.EarlyShare;
        var arrived = draw.Late ? eta.AddMinutes(draw.DelayMinutes) : eta.AddMinutes(-early);
        arrived = new DateTime(arrived.Ticks - (arrived.Ticks % TimeSpan.TicksPerSecond));
        var unloading = arrived.AddMinutes(SupplyChain.ArriveToUnloadMinutes);
        var completed = unloading.AddMinutes(unloadMinutes);
        var etd = eta.AddMinutes(SupplyChain.ArriveToUnloadMinutes + unloadMinutes);
        return new TripTimes(
            Trim(start),
            Trim(loading),
            Trim(inTransit),
            Trim(eta),
            arrived,
            unloading,
            completed,
            Trim(etd),
            completed + drive
        );
    }

    private static DateTime Trim(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond));

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
