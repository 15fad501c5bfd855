using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>An online order before fulfilment: a line is kept only if its node has the stock when it is
/// picked.</summary>
internal sealed class OnlineCandidate
{
    public required int Index { get; init; }
    public required DateTime Time { get; init; }
    public required int CustomerId { get; init; }
    public required string Mode { get; init; }
    public required bool FromStore { get; init; }
    public required int NodeId { get; init; }
    public required string Tender { get; init; }
    public required ShipmentLine[] Lines { get; init; }
    public required bool[] Fulfilled { get; init; }
}

/// <summary>Draws the day's online orders: ship from the customer's nearest DC, ship from a store, or buy online and
/// pick up in store.</summary>
internal sealed class OnlineOrderPlanner(FactWorld world)
{
    public List<OnlineCandidate> Plan(int dayIndex, DateOnly date)
    {
        var o = world.Options;
        var dayRandom = new RowRandom(o.Seed, RandomStream.OnlineOrders, ((long)dayIndex << 32) | 0xFFFF_FFFFL);
        var count = (int)
            Math.Round(o.OnlineOrdersPerDay * RetailCalendar.OnlineFactor(date) * dayRandom.Uniform(0.9, 1.1));
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var closed = world.StoresClosed(date);
        var candidates = new OnlineCandidate[count];
        Parallel.For(
            0,
            count,
            i =>
            {
                var random = new RowRandom(o.Seed, RandomStream.OnlineOrders, ((long)dayIndex << 32) + i);
                var customerIndex = random.NextInt(o.Customers);
                var geography = ((Customer)world.Customers.Create(customerIndex)).GeographyID;
                var roll = random.NextDouble();
                // Stores closed for a holiday fulfil nothing: those orders ship from the DC.
                var mode =
                    roll < 1 - SupplyChain.OnlineFromStoreShare || closed ? FactCodes.Fulfillment.ShipFromDc
                    : roll < 0.80 ? FactCodes.Fulfillment.ShipFromStore
                    : FactCodes.Fulfillment.Bopis;
                var fromStore = mode != FactCodes.Fulfillment.ShipFromDc;
                int node;
                DateTime time;
                if (fromStore)
                {
                    node =
                        world.StoresByGeography.TryGetValue(geography, out var local) && random.Chance(0.8)
                            ? local[random.NextInt(local.Length)]
                            : random.NextInt(o.Stores) + 1;
                    var minutes = (o.StoreCloseHour - o.StoreOpenHour) * 60;
                    time = midnight.AddHours(o.StoreOpenHour).AddSeconds(random.NextInt(minutes * 60));
                }
                else
                {
                    node = world.Plan.NearestDc(geography);
                    time = midnight.AddSeconds(random.NextInt(86_400));
                }

                var lineCount = 1 + random.NextInt(4);
                var lines = new List<ShipmentLine>(lineCount);
                for (var l = 0; l < lineCount; l++)
                {
                    var product = world.Demand.DrawProduct(ref random, date.DayNumber);
                    if (product >= 0 && !lines.Exists(x => x.Product == product))
                    {
                        lines.Add(new ShipmentLine(product, world.Demand.DrawUnits(ref random, product)));
                    }
                }

                candidates[i] = new OnlineCandidate
                {
                    Index = i,
                    Time = time,
                    CustomerId = customerIndex + 1,
                    Mode = mode,
                    FromStore = fromStore,
                    NodeId = node,
                    Tender = world.PickTender(ref random, allowCash: false),
                    Lines = [.. lines],
                    Fulfilled = new bool[lines.Count],
                };
            }
        );

        // Orders are numbered in time order.
        return [.. candidates.OrderBy(c => c.Time).ThenBy(c => c.Index)];
    }
}
