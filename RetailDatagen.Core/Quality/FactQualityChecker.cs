using System.Runtime.InteropServices;
using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Quality;

/// <summary>
/// Re-checks every fact invariant on the rows as they are written, independently of the simulation that made
/// them: it replays inventory balances from the snapshot tables, recomputes money, follows each shipment
/// through its statuses and counts the shopper funnel per store-hour. Holds one day of state at a time
/// (plus one balance per node and product), so its memory does not grow with the number of days.
/// </summary>
public sealed class FactQualityChecker
{
    private static readonly HashSet<string> TenderTypes = [.. FactCodes.Tender.All];
    private static readonly string[] StatusOrder = FactCodes.TruckStatus.Lifecycle;

    // Statuses that happen at the store (the rest happen at the DC, at any hour).
    private static readonly HashSet<string> AtStore =
    [
        FactCodes.TruckStatus.Arrived,
        FactCodes.TruckStatus.Unloading,
        FactCodes.TruckStatus.Completed,
    ];
    private readonly MasterPlan _plan;
    private readonly int _products;
    private readonly int[][] _storeBalance;
    private readonly int[][] _dcBalance;
    private readonly int[] _launchDay;
    private readonly bool[] _cold;
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<(DateTime From, DateTime To)>> _truckBusy = [];

    // Per (shipment, product): units the DC loaded minus units the store received, until both sides are seen
    // (a trip may load on one day and unload on a later one).
    private readonly Dictionary<(string Shipment, int Product), (int Out, int In)> _openShipments = [];

    // A day's working tables, kept and cleared from day to day rather than made afresh (a day has hundreds of
    // thousands of lines).
    private readonly Dictionary<string, ReceiptSums> _receiptSums = new(StringComparer.Ordinal);
    private readonly HashSet<(string Shipment, int Product)> _touched = [];
    private readonly Dictionary<string, bool> _coldByShipment = new(StringComparer.Ordinal);

    public FactQualityChecker(MasterPlan plan)
    {
        _plan = plan;
        var o = plan.Options;
        _products = o.Products;
        var stores = new StoreInventorySnapshotGenerator(plan);
        var dcs = new DcInventorySnapshotGenerator(plan);
        _storeBalance =
        [
            .. Enumerable
                .Range(0, o.Stores)
                .Select(s =>
                    Enumerable
                        .Range(0, _products)
                        .Select(p => stores.Stock(((long)s * _products) + p).Quantity)
                        .ToArray()
                ),
        ];
        _dcBalance =
        [
            .. Enumerable
                .Range(0, o.DistributionCenters)
                .Select(d =>
                    Enumerable
                        .Range(0, _products)
                        .Select(p => dcs.Stock(((long)d * _products) + p).Quantity)
                        .ToArray()
                ),
        ];
        var products = new ProductGenerator(plan);
        var all = Enumerable.Range(0, _products).Select(i => (Product)products.Create(i)).ToArray();
        _launchDay = [.. all.Select(p => p.LaunchDate.DayNumber)];
        _cold = [.. all.Select(p => p.RequiresRefrigeration)];
        foreach (var (name, description) in Descriptions)
        {
            _counters[name] = new Counter(description);
        }
    }

    /// <summary>Each store's (0-based) stock per product (0-based) as replayed so far: after <see cref="Check"/>, the
    /// day's closing stock.</summary>
    internal IReadOnlyList<int[]> StoreBalances => _storeBalance;

    public static IReadOnlyList<(string Name, string Description)> Descriptions { get; } =
    [
        (
            "receipt_money",
            "ExtPrice = round(UnitPrice × Qty, 2); Subtotal = Σ ExtPrice; Tax = round(Subtotal × rate, 2); Total = "
                + "Subtotal + Tax (receipts and lines)"
        ),
        ("online_order_money", "The same money rules for online orders and their lines"),
        ("tender_types", "TenderType is CREDIT_CARD, DEBIT_CARD, CASH or MOBILE_PAY (online: no cash)"),
        (
            "store_inventory_balance",
            "Store Balance = snapshot + running Σ QtyDelta in (EventTS, row) order, never below 0"
        ),
        ("dc_inventory_balance", "DC Balance = snapshot + running Σ QtyDelta in (EventTS, row) order, never below 0"),
        (
            "shipment_quantities",
            "Per shipment and product, the DC's OUTBOUND quantity equals the store's INBOUND quantity"
        ),
        (
            "truck_lifecycle",
            "Six statuses SCHEDULED → COMPLETED in time order, ETA ≤ ETD, the serving DC's own truck, refrigerated "
                + "when any item needs it"
        ),
        (
            "refund_receipts",
            "A RETURN receipt cites an earlier SALE receipt, has negative quantities and amounts, and its items come "
                + "back to stock under its id"
        ),
        ("truck_one_trip_at_a_time", "No truck is on two shipments at once"),
        ("shopper_funnel", "Per store-hour: entrance foot traffic ≥ distinct BLE customers, and ≥ sale receipts"),
        ("launched_products", "Products sold (in store and online) were launched on or before the sale date"),
        (
            "event_times",
            "Every fact lies in [StartDate, StartDate + Days − 1]; store events inside store open hours, none on "
                + "days stores are closed"
        ),
        (
            "impression_ids_unique",
            "ImpressionId is unique (within each day here; across days by construction and by the unique index)"
        ),
    ];

    public void Check(FactDay day)
    {
        var o = _plan.Options;
        var first = o.StartDate.ToDateTime(TimeOnly.MinValue);
        var end = o.StartDate.AddDays(o.Days).ToDateTime(TimeOnly.MinValue);
        var times = _counters["event_times"];
        var closed = o.ClosedOnHolidays && Facts.RetailCalendar.IsStoreClosingHoliday(day.Date);
        void Time(DateTime t, bool store) =>
            times.Add(
                t >= first
                    && t < end
                    && (
                        !store
                        || (
                            t.Hour >= o.StoreOpenHour
                            && t.Hour < o.StoreCloseHour
                            && !(closed && DateOnly.FromDateTime(t) == day.Date)
                        )
                    )
            );

        CheckMoney(
            day.RowsOf<Receipt>(Tables.Receipts),
            day.RowsOf<ReceiptLine>(Tables.ReceiptLines),
            day,
            Time
        );
        var refunds = day.RowsOf<Receipt>(Tables.Receipts)
            .Where(r => r.ReceiptType == FactCodes.ReceiptType.Return)
            .Select(r => r.ReceiptId)
            .ToHashSet(StringComparer.Ordinal);
        foreach (
            var txn in day.RowsOf<StoreInventoryTxn>(Tables.StoreInventoryTxns)
                .Where(t => t.Reason == FactCodes.Reason.Return)
        )
        {
            _counters["refund_receipts"].Add(refunds.Contains(txn.Source));
        }

        CheckOnline(day, Time);
        CheckBalances(day, Time);
        CheckShipments(day, Time);
        CheckFunnel(day, Time);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var impression in day.RowsOf<MarketingImpression>(Tables.Marketing))
        {
            _counters["impression_ids_unique"].Add(ids.Add(impression.ImpressionId));
            Time(impression.EventTS, false);
        }
    }

    public IReadOnlyList<QualityCheck> Results()
    {
        // A trip seen on one side only by the end of the run broke the rule.
        foreach (var _ in _openShipments)
        {
            _counters["shipment_quantities"].Add(false);
        }

        _openShipments.Clear();
        return
        [
            .. Descriptions.Select(d => new QualityCheck(
                d.Name,
                d.Description,
                _counters[d.Name].Checked,
                _counters[d.Name].Failed
            )),
        ];
    }

    private static bool Cents(double value) => Math.Abs(value - Math.Round(value, 2)) < 1e-9;

    private void CheckMoney(
        IEnumerable<Receipt> receipts,
        IEnumerable<ReceiptLine> lines,
        FactDay day,
        Action<DateTime, bool> time
    )
    {
        var money = _counters["receipt_money"];
        var launched = _counters["launched_products"];
        var sums = _receiptSums;
        sums.Clear();
        foreach (var line in lines)
        {
            money.Add(
                Cents(line.UnitPrice)
                    && line.Qty != 0
                    && line.ExtPrice == TextFormats.RoundMoney(line.UnitPrice * line.Qty)
            );
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, line.ReceiptId, out _);
            sum.Subtotal = TextFormats.RoundMoney(sum.Subtotal + line.ExtPrice);
            sum.Lines++;
            sum.RefundLines += line.Qty < 0 ? 1 : 0;
            launched.Add(_launchDay[line.ProductID - 1] <= day.Date.DayNumber);
            time(line.EventTS, true);
        }

        var rate = _plan.Options.TaxRate;
        foreach (var receipt in receipts)
        {
            money.Add(
                sums.TryGetValue(receipt.ReceiptId, out var sum)
                    && sum.Subtotal == receipt.Subtotal
                    && receipt.Tax == TextFormats.RoundMoney(receipt.Subtotal * rate)
                    && receipt.Total == TextFormats.RoundMoney(receipt.Subtotal + receipt.Tax)
            );
            _counters["tender_types"].Add(TenderTypes.Contains(receipt.TenderType));
            time(receipt.EventTS, true);
            if (receipt.ReceiptType == FactCodes.ReceiptType.Return)
            {
                // The original is a sale receipt of an earlier day (ids start R<yyyyMMdd>); that it exists is
                // PRAGMA foreign_key_check's part.
                var original =
                    receipt.ReturnForReceiptId is { Length: > 9 } id
                    && !FactIds.IsRefund(id)
                    && string.CompareOrdinal(id, 1, receipt.ReceiptId, 1, 8) < 0
                    && FactIds.IsRefund(receipt.ReceiptId);
                _counters["refund_receipts"]
                    .Add(
                        original
                            && receipt.Subtotal < 0
                            && receipt.Total < 0
                            && sum.RefundLines > 0
                            && sum.RefundLines == sum.Lines
                    );
            }
            else
            {
                _counters["refund_receipts"]
                    .Add(
                        receipt.ReceiptType == FactCodes.ReceiptType.Sale
                            && receipt.ReturnForReceiptId is null
                            && !FactIds.IsRefund(receipt.ReceiptId)
                    );
            }
        }
    }

    private void CheckOnline(FactDay day, Action<DateTime, bool> time)
    {
        var money = _counters["online_order_money"];
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in day.RowsOf<OnlineOrderLine>(Tables.OnlineOrderLines))
        {
            money.Add(
                Cents(line.UnitPrice)
                    && line.Qty > 0
                    && line.ExtPrice == TextFormats.RoundMoney(line.UnitPrice * line.Qty)
            );
            sums[line.OrderId] = TextFormats.RoundMoney(sums.GetValueOrDefault(line.OrderId) + line.ExtPrice);
            _counters["launched_products"].Add(_launchDay[line.ProductID - 1] <= day.Date.DayNumber);
        }

        var rate = _plan.Options.TaxRate;
        foreach (var order in day.RowsOf<OnlineOrder>(Tables.OnlineOrders))
        {
            money.Add(
                sums.TryGetValue(order.OrderId, out var sum)
                    && sum == order.Subtotal
                    && order.Tax == TextFormats.RoundMoney(order.Subtotal * rate)
                    && order.Total == TextFormats.RoundMoney(order.Subtotal + order.Tax)
            );
            _counters["tender_types"]
                .Add(TenderTypes.Contains(order.TenderType) && order.TenderType != FactCodes.Tender.Cash);
            time(order.EventTS, order.FulfillmentNodeType == FactCodes.Fulfillment.StoreNode);
        }
    }

    private void CheckBalances(FactDay day, Action<DateTime, bool> time)
    {
        var store = _counters["store_inventory_balance"];
        foreach (var txn in day.RowsOf<StoreInventoryTxn>(Tables.StoreInventoryTxns))
        {
            ref var balance = ref _storeBalance[txn.StoreID - 1][txn.ProductID - 1];
            balance += txn.QtyDelta;
            store.Add(balance == txn.Balance && txn.Balance >= 0);
            balance = txn.Balance;
            time(txn.EventTS, true);
        }

        var dc = _counters["dc_inventory_balance"];
        foreach (var txn in day.RowsOf<DcInventoryTxn>(Tables.DcInventoryTxns))
        {
            ref var balance = ref _dcBalance[txn.DCID - 1][txn.ProductID - 1];
            balance += txn.QtyDelta;
            dc.Add(balance == txn.Balance && txn.Balance >= 0);
            balance = txn.Balance;
            time(txn.EventTS, false);
        }
    }

    private void CheckShipments(FactDay day, Action<DateTime, bool> time)
    {
        // Summed straight into the open-trip table (a day has hundreds of thousands of inventory rows; grouping
        // them first cost more than every other check of the day together). The keys touched today are the trips
        // that may have both sides by now.
        var touched = _touched;
        touched.Clear();
        ref (int Out, int In) Side(string shipment, int product)
        {
            touched.Add((shipment, product));
            return ref CollectionsMarshal.GetValueRefOrAddDefault(_openShipments, (shipment, product), out _);
        }

        var coldByShipment = _coldByShipment;
        coldByShipment.Clear();
        foreach (var txn in day.RowsOf<DcInventoryTxn>(Tables.DcInventoryTxns))
        {
            if (txn.Reason == FactCodes.Reason.OutboundShipment)
            {
                Side(txn.Source, txn.ProductID).Out -= txn.QtyDelta;
                ref var cold = ref CollectionsMarshal.GetValueRefOrAddDefault(coldByShipment, txn.Source, out _);
                cold |= _cold[txn.ProductID - 1];
            }
        }

        foreach (var txn in day.RowsOf<StoreInventoryTxn>(Tables.StoreInventoryTxns))
        {
            if (txn.Reason == FactCodes.Reason.InboundShipment)
            {
                Side(txn.Source, txn.ProductID).In += txn.QtyDelta;
            }
        }

        var quantities = _counters["shipment_quantities"];
        foreach (var key in touched)
        {
            if (_openShipments[key] is { Out: > 0, In: > 0 } both)
            {
                quantities.Add(both.Out == both.In);
                _openShipments.Remove(key);
            }
        }

        var lifecycle = _counters["truck_lifecycle"];
        var oneTrip = _counters["truck_one_trip_at_a_time"];
        var trucks = _plan.Trucks;
        foreach (var shipment in day.RowsOf<TruckMove>(Tables.TruckMoves).GroupBy(m => m.ShipmentId))
        {
            var moves = shipment.ToList();
            var truck = trucks[moves[0].TruckId - 1];
            var ordered =
                moves.Select(m => m.Status).SequenceEqual(StatusOrder)
                && moves.Zip(moves.Skip(1)).All(p => p.First.EventTS <= p.Second.EventTS)
                && moves.All(m => m.ETA <= m.ETD && m.TruckId == moves[0].TruckId);
            var store = moves[0].StoreID;
            var rightTruck = store is { } s
                ? truck.DCID == moves[0].DCID
                    && _plan.Stores[s - 1].DCID == moves[0].DCID
                    && (truck.Refrigeration || !coldByShipment.GetValueOrDefault(shipment.Key))
                : truck.DCID is null;
            lifecycle.Add(ordered && rightTruck);
            foreach (var move in moves)
            {
                time(move.EventTS, store is not null && AtStore.Contains(move.Status));
            }

            var busy = _truckBusy.TryGetValue(truck.ID, out var list) ? list : _truckBusy[truck.ID] = [];
            var (from, to) = (moves[0].EventTS, moves[^1].EventTS);
            oneTrip.Add(!busy.Exists(b => from < b.To && b.From < to));
            busy.Add((from, to));
        }

        // Only the current day's trips can overlap the next day's: keep the last one per truck.
        foreach (var list in _truckBusy.Values)
        {
            list.RemoveRange(0, Math.Max(0, list.Count - 1));
        }
    }

    private void CheckFunnel(FactDay day, Action<DateTime, bool> time)
    {
        // Counted per store-hour in one pass over each table (grouping first cost several times as much).
        var receipts = new Dictionary<(int Store, int Hour), int>();
        foreach (var receipt in day.RowsOf<Receipt>(Tables.Receipts))
        {
            if (receipt.ReceiptType == FactCodes.ReceiptType.Sale)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(receipts, (receipt.StoreID, receipt.EventTS.Hour), out _)++;
            }
        }

        var ble = new Dictionary<(int Store, int Hour), int>();
        var seen = new HashSet<(int Store, int Hour, string Visitor)>();
        foreach (var ping in day.RowsOf<BlePing>(Tables.BlePings))
        {
            time(ping.EventTS, true);
            if (seen.Add((ping.StoreID, ping.EventTS.Hour, ping.CustomerBLEId)))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(ble, (ping.StoreID, ping.EventTS.Hour), out _)++;
            }
        }

        var entrance = new Dictionary<(int Store, int Hour), int>();
        foreach (var traffic in day.RowsOf<FootTraffic>(Tables.FootTraffic))
        {
            time(traffic.EventTS, true);
            if (traffic.Zone == FactCodes.Zone.Entrance)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(entrance, (traffic.StoreID, traffic.EventTS.Hour), out _) +=
                    traffic.Count;
            }
        }

        var funnel = _counters["shopper_funnel"];
        var keys = new HashSet<(int Store, int Hour)>(entrance.Keys);
        keys.UnionWith(ble.Keys);
        keys.UnionWith(receipts.Keys);
        foreach (var key in keys)
        {
            var r = receipts.GetValueOrDefault(key);
            var b = ble.GetValueOrDefault(key);
            funnel.Add(entrance.GetValueOrDefault(key) >= b && entrance.GetValueOrDefault(key) >= r);
        }
    }

    /// <summary>A receipt's lines as the checks add them up: the sum of their amounts, how many, how many
    /// refunded.</summary>
    private struct ReceiptSums
    {
        public double Subtotal;
        public int Lines;
        public int RefundLines;
    }

    private sealed class Counter(string description)
    {
        public string Description { get; } = description;
        public long Checked { get; private set; }
        public long Failed { get; private set; }

        public void Add(bool ok)
        {
            Checked++;
            if (!ok)
            {
                Failed++;
            }
        }
    }
}
