using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// Simulates one DC for one day: supplier deliveries in, store shipments out (reserved the evening before, so
/// they never fail), and online orders shipped from the DC when unreserved stock allows. DCs are independent
/// of each other; within a DC, events are applied in time order.
/// </summary>
internal sealed class DcDaySimulator(FactWorld world)
{
    public (List<DcInventoryTxn> Txns, int Stockouts) Run(int dcId, DateOnly date, IReadOnlyList<Shipment> shipments, int[] reserved, IReadOnlyList<OnlineCandidate> online)
    {
        var day = FactIds.Day(date);
        var qty = world.DcQty[dcId - 1];
        var txns = new List<DcInventoryTxn>();
        var stockouts = 0;
        var events = new List<(DateTime Time, int Kind, int Index)>();
        for (var i = 0; i < shipments.Count; i++)
        {
            events.Add(shipments[i].StoreId is null ? (shipments[i].Unloading, 0, i) : (shipments[i].Loading, 1, i));
        }

        events.AddRange(online.Select((c, i) => (c.Time, 2, i)));
        events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Index.CompareTo(b.Index));

        var seq = 0;
        void Txn(DateTime time, int product, int delta, string reason, string source)
        {
            qty[product] += delta;
            txns.Add(new DcInventoryTxn
            {
                TraceId = FactIds.DcTxn(day, dcId, ++seq),
                EventTS = time,
                DCID = dcId,
                ProductID = product + 1,
                QtyDelta = delta,
                Reason = reason,
                Source = source,
                Balance = qty[product],
            });
        }

        foreach (var (time, kind, index) in events)
        {
            if (kind == 0)
            {
                foreach (var line in shipments[index].Lines)
                {
                    Txn(time, line.Product, line.Qty, "INBOUND_SHIPMENT", "SUPPLIER");
                }
            }
            else if (kind == 1)
            {
                foreach (var line in shipments[index].Lines)
                {
                    reserved[line.Product] -= line.Qty;
                    Txn(time, line.Product, -line.Qty, "OUTBOUND_SHIPMENT", shipments[index].Id);
                }
            }
            else
            {
                var order = online[index];
                for (var l = 0; l < order.Lines.Length; l++)
                {
                    var line = order.Lines[l];
                    if (qty[line.Product] - reserved[line.Product] >= line.Qty)
                    {
                        order.Fulfilled[l] = true;
                        Txn(time, line.Product, -line.Qty, "SALE", "ONLINE");
                    }
                    else
                    {
                        stockouts++;
                    }
                }
            }
        }

        return (txns, stockouts);
    }
}
