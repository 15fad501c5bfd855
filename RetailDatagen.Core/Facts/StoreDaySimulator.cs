using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>Everything one store produced on one day, in the order it is written.</summary>
internal sealed class StoreDayResult
{
    public List<Receipt> Receipts { get; } = [];
    public List<ReceiptLine> Lines { get; } = [];
    public List<StoreInventoryTxn> Txns { get; set; } = [];
    public List<FootTraffic> Traffic { get; } = [];
    public List<BlePing> Pings { get; } = [];
    public int Stockouts { get; set; }
}

/// <summary>A sold line that will come back on a later day: the refund receipt cites its original.</summary>
internal sealed record PendingReturn(
    string ReceiptId,
    int? CustomerId,
    string Tender,
    List<(int Product, int Units, double UnitPrice)> Lines
);

/// <summary>
/// Simulates one store for one day. A store's inventory only changes through its own events, so stores run
/// in parallel; within a store, events are applied one at a time in time order because each sale can only
/// take the stock left by the events before it. Days of one store run in order, so returns can come back
/// on later days.
/// </summary>
internal sealed class StoreDaySimulator(FactWorld world)
{
    private readonly BasketDrafter _baskets = new(world);
    private readonly PresenceSimulator _presence = new(world);
    private readonly Dictionary<int, List<PendingReturn>>[] _returns =
    [
        .. Enumerable.Range(0, world.Options.Stores).Select(_ => new Dictionary<int, List<PendingReturn>>()),
    ];

    // Event ranks at equal times: deliveries, then refunds, sales, online picks, adjustments.
    private const int InboundRank = 0;
    private const int RefundRank = 1;
    private const int SaleRank = 2;
    private const int OnlineRank = 3;
    private const int AdjustmentRank = 4;

    // Days after a sale when a returned item comes back: 1 to 30.
    private const int MaxReturnDays = 30;

    public StoreDayResult Run(
        int storeId,
        int dayIndex,
        DateOnly date,
        IReadOnlyList<Shipment> inbound,
        IReadOnlyList<OnlineCandidate> online,
        IReadOnlyList<Conversion> conversions
    )
    {
        var o = world.Options;
        var result = new StoreDayResult();
        var day = FactIds.Day(date);
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var baseKey = (((long)dayIndex * 8192) + storeId) << 24;
        var closed = world.StoresClosed(date);
        var dayRandom = new RowRandom(o.Seed, RandomStream.StoreDay, baseKey);
        var receiptCount = closed
            ? 0
            : (int)
                Math.Round(
                    o.CustomersPerStorePerDay
                        * RetailCalendar.StoreFactor(date)
                        * world.Demand.StoreTraffic[storeId - 1]
                        * dayRandom.Uniform(0.92, 1.08)
                );
        var hours = Enumerable.Range(o.StoreOpenHour, o.StoreCloseHour - o.StoreOpenHour).ToArray();
        var hourAlias = new Randomness.AliasTable([.. hours.Select(h => RetailCalendar.HourWeight(date, h))]);

        var drafts = closed ? [] : _baskets.Draft(storeId, receiptCount, baseKey, date, hours, hourAlias, conversions);
        var refunds = closed ? [] : RefundsDue(storeId, dayIndex, baseKey, midnight);
        var extras = closed ? [] : DraftAdjustments(baseKey, date, midnight);
        var ledger = new InventoryLedger<StoreInventoryTxn>(
            world.StoreStock[storeId - 1].OnHand,
            e => new StoreInventoryTxn
            {
                TraceId = FactIds.StoreTxn(day, storeId, e.Sequence),
                EventTS = e.Time,
                StoreID = storeId,
                ProductID = e.Product + 1,
                QtyDelta = e.Delta,
                Reason = e.Reason,
                Source = e.Source,
                Balance = e.Balance,
            },
            drafts.Sum(d => d.Lines.Count)
                + inbound.Sum(s => s.Lines.Count)
                + refunds.Sum(r => r.Return.Lines.Count)
                + online.Sum(c => c.Lines.Length)
                + extras.Count
        );
        var events = new List<NodeEvent>(drafts.Count + inbound.Count + online.Count + refunds.Count + extras.Count);
        events.AddRange(inbound.Select((s, i) => new NodeEvent(s.Unloading, InboundRank, i)));
        events.AddRange(refunds.Select((r, i) => new NodeEvent(r.Time, RefundRank, i)));
        events.AddRange(drafts.Select((d, i) => new NodeEvent(d.Time, SaleRank, i)));
        events.AddRange(online.Select((c, i) => new NodeEvent(c.Time, OnlineRank, i)));
        events.AddRange(extras.Select((x, i) => new NodeEvent(x.Time, AdjustmentRank, i)));
        events.Sort();

        var sales = new List<(ReceiptDraft Draft, List<DraftLine> Lines)>(drafts.Count);
        foreach (var (time, rank, index) in events)
        {
            switch (rank)
            {
                case InboundRank:
                    foreach (var line in inbound[index].Lines)
                    {
                        ledger.Post(time, line.Product, line.Qty, FactCodes.Reason.InboundShipment, inbound[index].Id);
                    }

                    break;
                case RefundRank:
                    foreach (var line in refunds[index].Return.Lines)
                    {
                        ledger.Post(time, line.Product, line.Units, FactCodes.Reason.Return, refunds[index].ReceiptId);
                    }

                    break;
                case SaleRank:
                    // What the shelves had: the draft's own list keeps only the lines sold, with the units taken.
                    var sold = drafts[index].Lines;
                    var kept = 0;
                    for (var l = 0; l < sold.Count; l++)
                    {
                        var line = sold[l];
                        var take = ledger.Take(
                            time,
                            line.Product,
                            line.Units,
                            FactCodes.Reason.Sale,
                            FactCodes.Source.Customer
                        );
                        if (take == 0)
                        {
                            result.Stockouts++;
                            continue;
                        }

                        sold[kept++] = line with { Units = take };
                    }

                    sold.RemoveRange(kept, sold.Count - kept);
                    if (kept > 0)
                    {
                        sales.Add((drafts[index], sold));
                    }

                    break;
                case OnlineRank:
                    var order = online[index];
                    for (var l = 0; l < order.Lines.Length; l++)
                    {
                        if (ledger.OnHand(order.Lines[l].Product) >= order.Lines[l].Qty)
                        {
                            order.Fulfilled[l] = true;
                            ledger.Post(
                                time,
                                order.Lines[l].Product,
                                -order.Lines[l].Qty,
                                FactCodes.Reason.Sale,
                                FactCodes.Source.Online
                            );
                        }
                        else
                        {
                            result.Stockouts++;
                        }
                    }

                    break;
                default:
                    var extra = extras[index];
                    var delta = extra.Delta < 0 ? -Math.Min(-extra.Delta, ledger.OnHand(extra.Product)) : extra.Delta;
                    if (delta != 0)
                    {
                        ledger.Post(
                            time,
                            extra.Product,
                            delta,
                            FactCodes.Reason.Adjustment,
                            FactCodes.Source.CycleCount
                        );
                    }

                    break;
            }
        }

        result.Txns = ledger.Rows;
        result.Receipts.Capacity = sales.Count + refunds.Count;
        result.Lines.Capacity = sales.Sum(s => s.Lines.Count) + refunds.Sum(r => r.Return.Lines.Count);
        WriteSales(storeId, dayIndex, day, baseKey, sales, result);
        WriteRefunds(storeId, day, refunds, result);
        result.Receipts.Sort((a, b) => string.CompareOrdinal(a.ReceiptId, b.ReceiptId));
        if (!closed)
        {
            _presence.Run(storeId, baseKey, day, midnight, hours, sales, result);
        }

        return result;
    }

    private void WriteSales(
        int storeId,
        int dayIndex,
        string day,
        long baseKey,
        List<(ReceiptDraft Draft, List<DraftLine> Lines)> sales,
        StoreDayResult result
    )
    {
        var o = world.Options;
        var departments = world.Demand.Profile.Departments;
        for (var r = 0; r < sales.Count; r++)
        {
            var (draft, lines) = sales[r];
            var receiptId = FactIds.Receipt(day, storeId, r + 1);
            var trace = FactIds.ReceiptTrace(day, storeId, r + 1);
            var subtotal = 0.0;
            var random = new RowRandom(o.Seed, RandomStream.Returns, baseKey + r);
            List<(int, int, double)>? returned = null;
            var returnDay = dayIndex + 1 + random.NextInt(MaxReturnDays);
            for (var l = 0; l < lines.Count; l++)
            {
                var line = lines[l];
                var ext = TextFormats.RoundMoney(line.UnitPrice * line.Units);
                subtotal = TextFormats.RoundMoney(subtotal + ext);
                result.Lines.Add(
                    new ReceiptLine
                    {
                        ReceiptId = receiptId,
                        Line = l + 1,
                        TraceId = trace,
                        EventTS = draft.Time,
                        ProductID = line.Product + 1,
                        Qty = line.Units,
                        UnitPrice = line.UnitPrice,
                        ExtPrice = ext,
                        PromoCode = line.Promo,
                    }
                );
                if (random.Chance(departments[world.Demand.DepartmentOf[line.Product]].ReturnRate))
                {
                    (returned ??= []).Add((line.Product, 1 + random.NextInt(line.Units), line.UnitPrice));
                }
            }

            if (returned is not null && returnDay < o.Days)
            {
                var due = _returns[storeId - 1];
                (due.TryGetValue(returnDay, out var list) ? list : due[returnDay] = []).Add(
                    new PendingReturn(receiptId, draft.CustomerId, draft.Tender, returned)
                );
            }

            result.Receipts.Add(
                MakeReceipt(receiptId, trace, draft.Time, storeId, draft.CustomerId, subtotal, draft.Tender, null)
            );
        }
    }

    private sealed record Refund(DateTime Time, string ReceiptId, PendingReturn Return);

    // Returns due today, each at a random open minute, numbered in time order.
    private List<Refund> RefundsDue(int storeId, int dayIndex, long baseKey, DateTime midnight)
    {
        if (!_returns[storeId - 1].Remove(dayIndex, out var due))
        {
            return [];
        }

        var o = world.Options;
        var open = (o.StoreCloseHour - o.StoreOpenHour) * 3600;
        var random = new RowRandom(o.Seed, RandomStream.Returns, baseKey + (1L << 23));
        var timed = due.Select(r =>
                (Time: midnight.AddHours(o.StoreOpenHour).AddSeconds(random.NextInt(open)), Return: r)
            )
            .OrderBy(x => x.Time)
            .ThenBy(x => x.Return.ReceiptId, StringComparer.Ordinal)
            .ToList();
        var day = FactIds.Day(DateOnly.FromDateTime(midnight));
        return [.. timed.Select((x, i) => new Refund(x.Time, FactIds.Refund(day, storeId, i + 1), x.Return))];
    }

    private void WriteRefunds(int storeId, string day, List<Refund> refunds, StoreDayResult result)
    {
        for (var r = 0; r < refunds.Count; r++)
        {
            var refund = refunds[r];
            var trace = FactIds.RefundTrace(day, storeId, r + 1);
            var subtotal = 0.0;
            for (var l = 0; l < refund.Return.Lines.Count; l++)
            {
                var (product, units, unit) = refund.Return.Lines[l];
                var ext = TextFormats.RoundMoney(unit * -units);
                subtotal = TextFormats.RoundMoney(subtotal + ext);
                result.Lines.Add(
                    new ReceiptLine
                    {
                        ReceiptId = refund.ReceiptId,
                        Line = l + 1,
                        TraceId = trace,
                        EventTS = refund.Time,
                        ProductID = product + 1,
                        Qty = -units,
                        UnitPrice = unit,
                        ExtPrice = ext,
                    }
                );
            }

            result.Receipts.Add(
                MakeReceipt(
                    refund.ReceiptId,
                    trace,
                    refund.Time,
                    storeId,
                    refund.Return.CustomerId,
                    subtotal,
                    refund.Return.Tender,
                    refund.Return.ReceiptId
                )
            );
        }
    }

    private Receipt MakeReceipt(
        string id,
        string trace,
        DateTime time,
        int storeId,
        int? customerId,
        double subtotal,
        string tender,
        string? returnFor
    )
    {
        var tax = TextFormats.RoundMoney(subtotal * world.Options.TaxRate);
        return new Receipt
        {
            ReceiptId = id,
            TraceId = trace,
            EventTS = time,
            StoreID = storeId,
            CustomerID = customerId,
            Subtotal = subtotal,
            Tax = tax,
            Total = TextFormats.RoundMoney(subtotal + tax),
            TenderType = tender,
            ReceiptType = returnFor is null ? FactCodes.ReceiptType.Sale : FactCodes.ReceiptType.Return,
            ReturnForReceiptId = returnFor,
        };
    }

    // Cycle-count corrections: a few per store-day, mostly shrink.
    private List<(DateTime Time, int Product, int Delta)> DraftAdjustments(
        long baseKey,
        DateOnly date,
        DateTime midnight
    )
    {
        var o = world.Options;
        var random = new RowRandom(o.Seed, RandomStream.Adjustments, baseKey);
        var open = (o.StoreCloseHour - o.StoreOpenHour) * 3600;
        var extras = new List<(DateTime, int, int)>();
        var count = random.NextInt(4);
        for (var i = 0; i < count; i++)
        {
            var product = world.Demand.DrawProduct(ref random, date.DayNumber);
            if (product >= 0)
            {
                var time = midnight.AddHours(o.StoreOpenHour).AddSeconds(random.NextInt(open));
                extras.Add((time, product, random.Chance(0.7) ? -(1 + random.NextInt(3)) : 1 + random.NextInt(2)));
            }
        }

        return extras;
    }
}
