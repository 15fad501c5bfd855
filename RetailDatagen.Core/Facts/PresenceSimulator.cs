using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// In-store sensors for one store-day (DATA-CONTRACT §4). Every receipt is a visit that walks in through the
/// entrance, through the zones of its basket's departments, to the checkout; other visitors browse and leave
/// without buying. BLE beacons see only app users: a visit's pings run ENTRANCE → zones → CHECKOUT in time order,
/// inside the hour of the receipt and never later than 5 minutes after it, with RSSI from the distance to the
/// zone's beacon. Foot-traffic sensors count every visitor per zone and hour, with the zone's mean dwell.
/// Visits stay inside their receipt's hour, so per store-hour the entrance count covers the receipts and the
/// distinct BLE visitors exactly.
/// </summary>
internal sealed class PresenceSimulator(FactWorld world)
{
    // Browsing visitors per buying visitor in an hour (drawn per hour): receipts ÷ entrance ≈ 0.3–0.55.
    private const double MinBrowsersPerBuyer = 0.8;
    private const double MaxBrowsersPerBuyer = 2.2;

    // Minutes a buying visit lasts before its receipt: a base walk plus time per basket line.
    private const double VisitBaseMinutes = 6;
    private const double VisitMinutesPerLine = 1.4;

    // Each store's beacon and sensor names, made once rather than once a ping (the standard preset pings about
    // 100,000 times a day).
    private readonly string[][] _beaconIds = Names(world.Options.Stores, "BCN");
    private readonly string[][] _sensorIds = Names(world.Options.Stores, "FT");

    // Each product's zone (0-based product), looked up once rather than once a visit line.
    private readonly int[] _zoneOfProduct = [.. world.Products.Select(p => StoreZones.OfDepartment(p.Department))];

    public void Run(
        int storeId,
        long baseKey,
        string day,
        DateTime midnight,
        int[] hours,
        List<(ReceiptDraft Draft, List<DraftLine> Lines)> sales,
        StoreDayResult result
    )
    {
        var o = world.Options;
        var pingSeq = 0;
        var zoneCount = StoreZones.All.Length;
        var salesByHour = SalesByHour(sales);
        var visitors = new int[zoneCount];
        var dwell = new double[zoneCount];
        var pings = new List<(BlePing Ping, int Order)>();
        var path = new List<int>(zoneCount + 1);
        foreach (var hour in hours)
        {
            var random = new RowRandom(o.Seed, RandomStream.Presence, baseKey + hour);
            var start = midnight.AddHours(hour);
            var end = start.AddHours(1);
            Array.Clear(visitors);
            Array.Clear(dwell);
            pings.Clear();
            foreach (var (draft, lines) in salesByHour[hour] ?? [])
            {
                // The entrance, the zones of the basket's departments in the order first met, the checkout.
                path.Clear();
                path.Add(StoreZones.Entrance);
                foreach (var line in lines)
                {
                    var zone = _zoneOfProduct[line.Product];
                    if (!path.Contains(zone))
                    {
                        path.Add(zone);
                    }
                }

                path.Add(StoreZones.Checkout);
                var minutes = VisitBaseMinutes + (VisitMinutesPerLine * lines.Count * random.Uniform(0.7, 1.3));
                var entered = Whole(Max(start, draft.Time.AddMinutes(-minutes)));
                var checkout = Min(end.AddSeconds(-1), draft.Time.AddSeconds(random.NextInt(121)));
                Visit(ref random, storeId, draft.CustomerId, entered, checkout, path, visitors, dwell, pings);
            }

            var buyers = visitors[StoreZones.Entrance];
            var browsers =
                (int)Math.Round(buyers * random.Uniform(MinBrowsersPerBuyer, MaxBrowsersPerBuyer)) + random.NextInt(3);
            for (var b = 0; b < browsers; b++)
            {
                var entered = start.AddSeconds(random.NextInt(3000));
                var left = Min(end.AddSeconds(-1), entered.AddMinutes(random.Uniform(3, 20)));
                path.Clear();
                path.Add(StoreZones.Entrance);
                path.Add(1 + random.NextInt(zoneCount - 2));
                var customer = world.Plan.TradeAreas.DrawCustomer(storeId, ref random);
                Visit(
                    ref random,
                    storeId,
                    customer < 0 ? null : customer + 1,
                    entered,
                    left,
                    path,
                    visitors,
                    dwell,
                    pings
                );
            }

            // Pings in time order, then by visitor and zone; equal ones keep the order they were made in.
            pings.Sort(ComparePings);
            foreach (var (ping, _) in pings)
            {
                ping.TraceId = FactIds.BlePing(day, storeId, ++pingSeq);
                result.Pings.Add(ping);
            }

            for (var z = 0; z < zoneCount; z++)
            {
                result.Traffic.Add(
                    new FootTraffic
                    {
                        TraceId = FactIds.FootTraffic(day, storeId, hour, z),
                        EventTS = start,
                        StoreID = storeId,
                        SensorId = _sensorIds[storeId - 1][z],
                        Zone = StoreZones.All[z],
                        Dwell = visitors[z] == 0 ? 0 : (int)Math.Round(dwell[z] / visitors[z]),
                        Count = visitors[z],
                    }
                );
            }
        }
    }

    // The day's sales by the hour of their receipt, each hour's in the order given.
    private static List<(ReceiptDraft Draft, List<DraftLine> Lines)>?[] SalesByHour(
        List<(ReceiptDraft Draft, List<DraftLine> Lines)> sales
    )
    {
        var byHour = new List<(ReceiptDraft Draft, List<DraftLine> Lines)>?[24];
        foreach (var sale in sales)
        {
            (byHour[sale.Draft.Time.Hour] ??= []).Add(sale);
        }

        return byHour;
    }

    private static int ComparePings((BlePing Ping, int Order) a, (BlePing Ping, int Order) b)
    {
        var c = a.Ping.EventTS.CompareTo(b.Ping.EventTS);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Ping.CustomerBLEId, b.Ping.CustomerBLEId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Ping.Zone, b.Ping.Zone);
        }

        return c != 0 ? c : a.Order.CompareTo(b.Order);
    }

    // One visit along its path (the entrance first; a buying visit ends at the checkout): counted in every zone it
    // passes, pinged by the beacons when the visitor is an app user.
    private void Visit(
        ref RowRandom random,
        int storeId,
        int? customerId,
        DateTime entered,
        DateTime left,
        List<int> path,
        int[] visitors,
        double[] dwell,
        List<(BlePing Ping, int Order)> pings
    )
    {
        foreach (var zone in path)
        {
            visitors[zone]++;
            dwell[zone] += StoreZones.MeanDwellSeconds[zone] * random.Uniform(0.5, 1.5);
        }

        if (customerId is not { } id || !world.IsAppUser(id - 1))
        {
            return;
        }

        var ble = world.Customers.BleId(id - 1);
        var span = Math.Max(0, (left - entered).TotalSeconds);
        for (var i = 0; i < path.Count; i++)
        {
            // Evenly spaced along the visit, in path order: the entrance first, the checkout at the receipt.
            var at =
                path.Count == 1 ? entered : entered.AddSeconds(Math.Max(i, Math.Floor(span * i / (path.Count - 1))));
            var zone = path[i];
            var metres = 1 + (random.NextDouble() * StoreZones.BeaconReachMetres[zone]);
            pings.Add(
                (
                    new BlePing
                    {
                        EventTS = at,
                        StoreID = storeId,
                        BeaconId = _beaconIds[storeId - 1][zone],
                        CustomerBLEId = ble,
                        RSSI = Math.Clamp(
                            (int)Math.Round(-59 - (20 * Math.Log10(metres)) + ((random.NextDouble() - 0.5) * 6)),
                            -100,
                            -35
                        ),
                        Zone = StoreZones.All[zone],
                    },
                    pings.Count
                )
            );
        }
    }

    private static string[][] Names(int stores, string prefix) =>
        [
            .. Enumerable
                .Range(1, stores)
                .Select(store => StoreZones.All.Select(zone => $"{prefix}-{store:D4}-{zone}").ToArray()),
        ];

    private static DateTime Whole(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond));

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
