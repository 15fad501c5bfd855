using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// In-store sensors for one store-day: per open hour, receipt shoppers are seen by BLE, some browsers too; the
/// entrance counter sees them all and shoppers without the app, so entrance count ≥ distinct BLE shoppers ≥ receipts.
/// </summary>
internal sealed class PresenceSimulator(FactWorld world)
{
    private static readonly string[] Zones = [FactCodes.Zone.Entrance, "GROCERY", "FRESH", "HOME", "APPAREL", "ELECTRONICS", FactCodes.Zone.Checkout];

    public void Run(int storeId, long baseKey, string day, DateTime midnight, int[] hours, List<ReceiptDraft> receipts, StoreDayResult result)
    {
        var o = world.Options;
        var pingSeq = 0;
        foreach (var hour in hours)
        {
            var random = new RowRandom(o.Seed, RandomStream.Presence, baseKey + hour);
            var start = midnight.AddHours(hour);
            var shoppers = receipts.Where(r => r.Time.Hour == hour && r.CustomerId is not null).Select(r => r.CustomerId!.Value).ToHashSet();
            var present = new HashSet<int>(shoppers);
            var browsers = (int)Math.Round(shoppers.Count * random.Uniform(0.2, 0.6)) + random.NextInt(3);
            for (var b = 0; b < browsers; b++)
            {
                present.Add(random.NextInt(o.Customers) + 1);
            }

            var pings = new List<BlePing>();
            foreach (var customer in present.Order())
            {
                var ble = world.Customers.BleId(customer - 1);
                var count = 1 + random.NextInt(3);
                for (var k = 0; k < count; k++)
                {
                    var zone = Zones[random.NextInt(Zones.Length)];
                    pings.Add(new BlePing
                    {
                        EventTS = start.AddSeconds(random.NextInt(3600)),
                        StoreID = storeId,
                        BeaconId = $"BCN-{storeId:D4}-{zone}",
                        CustomerBLEId = ble,
                        RSSI = -(40 + random.NextInt(56)),
                        Zone = zone,
                    });
                }
            }

            foreach (var ping in pings.OrderBy(p => p.EventTS).ThenBy(p => p.CustomerBLEId, StringComparer.Ordinal))
            {
                ping.TraceId = FactIds.BlePing(day, storeId, ++pingSeq);
                result.Pings.Add(ping);
            }

            var entrance = present.Count + (int)Math.Round(present.Count * random.Uniform(0.5, 1.5)) + random.NextInt(3);
            for (var z = 0; z < 4; z++)
            {
                var zone = Zones[z == 0 ? 0 : z + 1];
                result.Traffic.Add(new FootTraffic
                {
                    TraceId = FactIds.FootTraffic(day, storeId, hour, z),
                    EventTS = start,
                    StoreID = storeId,
                    SensorId = $"FT-{storeId:D4}-{zone}",
                    Zone = zone,
                    Dwell = 240 + random.NextInt(1561),
                    Count = z == 0 ? entrance : (int)Math.Round(entrance * random.Uniform(0.2, 0.7)),
                });
            }
        }
    }
}
