using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>Everything one store produced on one day, in the order it is written.</summary>
internal sealed class StoreDayResult
{
    public List<Receipt> Receipts { get; } = [];
    public List<ReceiptLine> Lines { get; } = [];
    public List<StoreInventoryTxn> Txns { get; } = [];
    public List<FootTraffic> Traffic { get; } = [];
    public List<BlePing> Pings { get; } = [];
    public int Stockouts { get; set; }
}

/// <summary>
/// Simulates one store for one day. A store's inventory only changes through its own events, so stores run
/// in parallel; within a store, events are applied one at a time in time order because each sale can only
/// take the stock left by the events before it.
/// </summary>
internal sealed class StoreDaySimulator(FactWorld world)
{
    private static readonly double[] LineCountWeights = [25, 25, 20, 12, 8, 5, 3, 2];
    private static readonly string[] Zones = ["ENTRANCE", "GROCERY", "FRESH", "HOME", "APPAREL", "ELECTRONICS", "CHECKOUT"];
    private static readonly (string Code, double Discount)[] Promos = [("PROMO10", 0.10), ("SAVE20", 0.20), ("CLEARANCE30", 0.30)];

    private enum Kind
    {
        Inbound = 0,
        Sale = 1,
        Online = 2,
        Return = 3,
        Adjustment = 4,
    }

    public StoreDayResult Run(int storeId, int dayIndex, DateOnly date, IReadOnlyList<Shipment> inbound, IReadOnlyList<OnlineCandidate> online)
    {
        var o = world.Options;
        var result = new StoreDayResult();
        var day = FactIds.Day(date);
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var qty = world.StoreQty[storeId - 1];
        var baseKey = (((long)dayIndex * 8192) + storeId) << 24;
        var dayRandom = new RowRandom(o.Seed, RandomStream.StoreDay, baseKey);
        var receiptCount = (int)Math.Round(o.CustomersPerStorePerDay * RetailCalendar.StoreFactor(date) * world.StoreTrafficFactor[storeId - 1] * dayRandom.Uniform(0.92, 1.08));
        var hours = Enumerable.Range(o.StoreOpenHour, o.StoreCloseHour - o.StoreOpenHour).ToArray();
        var hourAlias = new AliasTable([.. hours.Select(h => RetailCalendar.HourWeight(date, h))]);

        var drafts = DraftReceipts(receiptCount, baseKey, date, midnight, hours, hourAlias);
        var events = new List<(DateTime Time, Kind Kind, int Index)>(drafts.Count + inbound.Count + online.Count + 8);
        events.AddRange(inbound.Select((s, i) => (s.Unloading, Kind.Inbound, i)));
        events.AddRange(drafts.Select((d, i) => (d.Time, Kind.Sale, i)));
        events.AddRange(online.Select((c, i) => (c.Time, Kind.Online, i)));
        var extras = DraftExtras(receiptCount, baseKey, date, midnight);
        events.AddRange(extras.Select((x, i) => (x.Time, x.Kind, i)));
        events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Index.CompareTo(b.Index));

        var txnSeq = 0;
        void Txn(DateTime time, int product, int delta, string reason, string source)
        {
            qty[product] += delta;
            result.Txns.Add(new StoreInventoryTxn
            {
                TraceId = FactIds.StoreTxn(day, storeId, ++txnSeq),
                EventTS = time,
                StoreID = storeId,
                ProductID = product + 1,
                QtyDelta = delta,
                Reason = reason,
                Source = source,
                Balance = qty[product],
            });
        }

        var kept = new List<(ReceiptDraft Draft, List<(int Product, int Qty, double Unit, string? Promo)> Lines)>();
        foreach (var (time, kind, index) in events)
        {
            switch (kind)
            {
                case Kind.Inbound:
                    foreach (var line in inbound[index].Lines)
                    {
                        Txn(time, line.Product, line.Qty, "INBOUND_SHIPMENT", inbound[index].Id);
                    }

                    break;
                case Kind.Sale:
                    var draft = drafts[index];
                    var sold = new List<(int, int, double, string?)>();
                    foreach (var (product, wanted, promo) in draft.Lines)
                    {
                        var take = Math.Min(wanted, qty[product]);
                        if (take == 0)
                        {
                            result.Stockouts++;
                            continue;
                        }

                        Txn(time, product, -take, "SALE", "CUSTOMER");
                        var price = world.Products[product].SalePrice;
                        var unit = promo is null ? price : Math.Max(0.01, TextFormats.RoundMoney(price * (1 - Promos.First(p => p.Code == promo).Discount)));
                        sold.Add((product, take, unit, promo));
                    }

                    if (sold.Count > 0)
                    {
                        kept.Add((draft, sold));
                    }

                    break;
                case Kind.Online:
                    var order = online[index];
                    for (var l = 0; l < order.Lines.Length; l++)
                    {
                        var line = order.Lines[l];
                        if (qty[line.Product] >= line.Qty)
                        {
                            order.Fulfilled[l] = true;
                            Txn(time, line.Product, -line.Qty, "SALE", "ONLINE");
                        }
                        else
                        {
                            result.Stockouts++;
                        }
                    }

                    break;
                default:
                    var extra = extras[index];
                    var delta = extra.Delta < 0 ? -Math.Min(-extra.Delta, qty[extra.Product]) : extra.Delta;
                    if (delta != 0)
                    {
                        Txn(time, extra.Product, delta, kind == Kind.Return ? "RETURN" : "ADJUSTMENT", kind == Kind.Return ? "CUSTOMER" : "CYCLE_COUNT");
                    }

                    break;
            }
        }

        for (var r = 0; r < kept.Count; r++)
        {
            var (draft, lines) = kept[r];
            var receiptId = FactIds.Receipt(day, storeId, r + 1);
            var trace = FactIds.ReceiptTrace(day, storeId, r + 1);
            var subtotal = 0.0;
            for (var l = 0; l < lines.Count; l++)
            {
                var (product, count, unit, promo) = lines[l];
                var ext = TextFormats.RoundMoney(unit * count);
                subtotal = TextFormats.RoundMoney(subtotal + ext);
                result.Lines.Add(new ReceiptLine { ReceiptId = receiptId, Line = l + 1, TraceId = trace, EventTS = draft.Time, ProductID = product + 1, Qty = count, UnitPrice = unit, ExtPrice = ext, PromoCode = promo });
            }

            var tax = TextFormats.RoundMoney(subtotal * o.TaxRate);
            result.Receipts.Add(new Receipt
            {
                ReceiptId = receiptId,
                TraceId = trace,
                EventTS = draft.Time,
                StoreID = storeId,
                CustomerID = draft.CustomerId,
                Subtotal = subtotal,
                Tax = tax,
                Total = TextFormats.RoundMoney(subtotal + tax),
                TenderType = draft.Tender,
            });
        }

        Presence(storeId, baseKey, day, midnight, hours, kept.Select(k => k.Draft).ToList(), result);
        return result;
    }

    private sealed record ReceiptDraft(DateTime Time, int CustomerId, string Tender, List<(int Product, int Qty, string? Promo)> Lines);

    private List<ReceiptDraft> DraftReceipts(int count, long baseKey, DateOnly date, DateTime midnight, int[] hours, AliasTable hourAlias)
    {
        var o = world.Options;
        var drafts = new List<ReceiptDraft>(count);
        var customersByHour = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < count; i++)
        {
            var random = new RowRandom(o.Seed, RandomStream.Receipts, baseKey + i);
            var hour = hours[hourAlias.Sample(ref random)];
            var time = midnight.AddHours(hour).AddSeconds(random.NextInt(3600));

            // One receipt per customer per store-hour, so distinct BLE shoppers can always cover the receipts.
            var seen = customersByHour.TryGetValue(hour, out var set) ? set : customersByHour[hour] = [];
            var customer = random.NextInt(o.Customers) + 1;
            for (var attempt = 0; attempt < 20 && seen.Contains(customer); attempt++)
            {
                customer = random.NextInt(o.Customers) + 1;
            }

            if (!seen.Add(customer))
            {
                continue;
            }

            var lineCount = 1 + PickIndex(ref random, LineCountWeights);
            var lines = new List<(int, int, string?)>(lineCount);
            for (var l = 0; l < lineCount; l++)
            {
                var product = world.PickLaunchedProduct(ref random, date.DayNumber);
                if (product < 0 || lines.Exists(x => x.Item1 == product))
                {
                    continue;
                }

                var roll = random.NextDouble();
                var wanted = roll < 0.65 ? 1 : roll < 0.87 ? 2 : roll < 0.95 ? 3 : 4;
                var promo = random.Chance(0.12) ? Promos[random.NextInt(Promos.Length)].Code : null;
                lines.Add((product, wanted, promo));
            }

            drafts.Add(new ReceiptDraft(time, customer, world.PickTender(ref random, allowCash: true), lines));
        }

        drafts.Sort((a, b) => a.Time.CompareTo(b.Time));
        return drafts;
    }

    private List<(DateTime Time, Kind Kind, int Product, int Delta)> DraftExtras(int receipts, long baseKey, DateOnly date, DateTime midnight)
    {
        var o = world.Options;
        var random = new RowRandom(o.Seed, RandomStream.Adjustments, baseKey);
        var open = (o.StoreCloseHour - o.StoreOpenHour) * 3600;
        var extras = new List<(DateTime, Kind, int, int)>();
        var returns = (int)Math.Round(receipts * 0.01 * random.Uniform(0.5, 1.5));
        var adjustments = random.NextInt(4);
        for (var i = 0; i < returns + adjustments; i++)
        {
            var product = world.PickLaunchedProduct(ref random, date.DayNumber);
            if (product < 0)
            {
                continue;
            }

            var time = midnight.AddHours(o.StoreOpenHour).AddSeconds(random.NextInt(open));
            extras.Add(i < returns
                ? (time, Kind.Return, product, 1 + random.NextInt(2))
                : (time, Kind.Adjustment, product, random.Chance(0.7) ? -(1 + random.NextInt(3)) : 1 + random.NextInt(2)));
        }

        return extras;
    }

    // Per open hour: receipt shoppers are seen by BLE, some browsers too; the entrance counter sees them all
    // and shoppers without the app, so entrance count ≥ distinct BLE shoppers ≥ receipts.
    private void Presence(int storeId, long baseKey, string day, DateTime midnight, int[] hours, List<ReceiptDraft> receipts, StoreDayResult result)
    {
        var o = world.Options;
        var pingSeq = 0;
        foreach (var hour in hours)
        {
            var random = new RowRandom(o.Seed, RandomStream.Presence, baseKey + hour);
            var start = midnight.AddHours(hour);
            var shoppers = receipts.Where(r => r.Time.Hour == hour).Select(r => r.CustomerId).ToHashSet();
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
                        RSSI = -random.NextInt(40, 95),
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
                    Dwell = random.NextInt(240, 1800),
                    Count = z == 0 ? entrance : (int)Math.Round(entrance * random.Uniform(0.2, 0.7)),
                });
            }
        }
    }

    private static int PickIndex(ref RowRandom random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
