using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// Simulates one DC for one day: supplier deliveries in, store trips out (reserved when planned, so they never
/// fail), and online orders shipped from the DC when unreserved stock allows. DCs are independent of each other;
/// within a DC, events are applied in time order.
/// </summary>
internal sealed class DcDaySimulator(FactWorld world)
{
    private const int SupplierRank = 0;
    private const int OutboundRank = 1;
    private const int OnlineRank = 2;

    public (List<DcInventoryTxn> Txns, int Stockouts) Run(
        int dcId,
        DateOnly date,
        IReadOnlyList<Shipment> supplier,
        IReadOnlyList<Shipment> outbound,
        int[] reserved,
        IReadOnlyList<OnlineCandidate> online
    )
    {
        var day = FactIds.Day(date);
        var ledger = new InventoryLedger<DcInventoryTxn>(
            world.DcStock[dcId - 1].OnHand,
            e => new DcInventoryTxn
            {
                TraceId = FactIds.DcTxn(day, dcId, e.Sequence),
                EventTS = e.Time,
                DCID = dcId,
                ProductID = e.Product + 1,
                QtyDelta = e.Delta,
                Reason = e.Reason,
                Source = e.Source,
                Balance = e.Balance,
            }
        );
        var stockouts = 0;
        var events = new List<NodeEvent>(supplier.Count + outbound.Count + online.Count);
        events.AddRange(supplier.Select((s, i) => new NodeEvent(s.Unloading, SupplierRank, i)));
        events.AddRange(outbound.Select((s, i) => new NodeEvent(s.Loading, OutboundRank, i)));
        events.AddRange(online.Select((c, i) => new NodeEvent(c.Time, OnlineRank, i)));
        events.Sort();

        foreach (var (time, rank, index) in events)
        {
            if (rank == SupplierRank)
            {
                foreach (var line in supplier[index].Lines)
                {
                    ledger.Post(
                        time,
                        line.Product,
                        line.Qty,
                        FactCodes.Reason.InboundShipment,
                        FactCodes.Source.Supplier
                    );
                }
            }
            else if (rank == OutboundRank)
            {
                foreach (var line in outbound[index].Lines)
                {
                    reserved[line.Product] -= line.Qty;
                    ledger.Post(time, line.Product, -line.Qty, FactCodes.Reason.OutboundShipment, outbound[index].Id);
                }
            }
            else
            {
                var order = online[index];
                for (var l = 0; l < order.Lines.Length; l++)
                {
                    var line = order.Lines[l];
                    if (ledger.OnHand(line.Product) - reserved[line.Product] >= line.Qty)
                    {
                        order.Fulfilled[l] = true;
                        ledger.Post(time, line.Product, -line.Qty, FactCodes.Reason.Sale, FactCodes.Source.Online);
                    }
                    else
                    {
                        stockouts++;
                    }
                }
            }
        }

        return (ledger.Rows, stockouts);
    }
}
