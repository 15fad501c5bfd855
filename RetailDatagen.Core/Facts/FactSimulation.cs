using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// Produces the historical fact tables day by day. Days are sequential (each starts from the inventory the
/// previous one left); within a day stores run in parallel, then DCs in parallel, then the next day's trips
/// are planned. Output depends only on the options: thread count and scheduling never change it.
/// </summary>
public sealed class FactSimulation
{
    private readonly FactWorld _world;
    private readonly ReplenishmentPlanner _planner;
    private readonly OnlineOrderPlanner _online;
    private readonly StoreDaySimulator _stores;
    private readonly DcDaySimulator _dcs;
    private readonly MarketingGenerator _marketing;

    public FactSimulation(MasterPlan plan)
    {
        _world = new FactWorld(plan);
        _planner = new ReplenishmentPlanner(_world);
        _online = new OnlineOrderPlanner(_world);
        _stores = new StoreDaySimulator(_world);
        _dcs = new DcDaySimulator(_world);
        _marketing = new MarketingGenerator(_world);
    }

    /// <summary>Expected rows per fact table from the volume model (progress and estimates; actual counts differ a little).</summary>
    public static IReadOnlyDictionary<string, long> EstimateRows(Options.GenerationOptions o)
    {
        double receipts = 0, online = 0, impressions = 0;
        for (var d = 0; d < o.Days; d++)
        {
            var date = o.StartDate.AddDays(d);
            receipts += o.Stores * (double)o.CustomersPerStorePerDay * RetailCalendar.StoreFactor(date);
            online += o.OnlineOrdersPerDay * RetailCalendar.OnlineFactor(date);
            impressions += o.MarketingImpressionsPerDay * RetailCalendar.OnlineFactor(date);
        }

        var hours = (double)o.Stores * o.Days * (o.StoreCloseHour - o.StoreOpenHour);
        var lines = receipts * 2.6;
        var shipments = Math.Min(o.Stores, (o.RefrigeratedTrucks + o.NonRefrigeratedTrucks) * 6.0) * o.Days;
        return new Dictionary<string, long>
        {
            [Tables.TruckMoves.Name] = (long)(shipments * 6 * 1.1),
            [Tables.DcInventoryTxns.Name] = (long)((shipments * 30) + (online * 0.55 * 2.2)),
            [Tables.StoreInventoryTxns.Name] = (long)(lines + (shipments * 30) + (online * 0.45 * 2.2)),
            [Tables.Receipts.Name] = (long)receipts,
            [Tables.ReceiptLines.Name] = (long)lines,
            [Tables.FootTraffic.Name] = (long)(hours * 4),
            [Tables.BlePings.Name] = (long)(receipts * 1.45 * 2.0),
            [Tables.OnlineOrders.Name] = (long)online,
            [Tables.OnlineOrderLines.Name] = (long)(online * 2.3),
            [Tables.Marketing.Name] = (long)impressions,
        };
    }

    /// <summary>Simulates every day in order; <paramref name="emit"/> receives each day's rows before the next day starts.</summary>
    public async Task RunAsync(Func<FactDay, CancellationToken, ValueTask> emit, CancellationToken cancellationToken)
    {
        var o = _world.Options;
        var (shipments, reserved) = _planner.Plan(0, o.StartDate);
        for (var dayIndex = 0; dayIndex < o.Days; dayIndex++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var date = o.StartDate.AddDays(dayIndex);
            var day = Simulate(dayIndex, date, shipments, reserved);
            if (dayIndex + 1 < o.Days)
            {
                (shipments, reserved) = _planner.Plan(dayIndex + 1, date.AddDays(1));
            }

            await emit(day, cancellationToken).ConfigureAwait(false);
        }
    }

    private FactDay Simulate(int dayIndex, DateOnly date, List<Shipment> shipments, int[][] reserved)
    {
        var o = _world.Options;
        var day = FactIds.Day(date);
        var online = _online.Plan(dayIndex, date);
        var storeOrders = online.Where(c => c.FromStore).ToLookup(c => c.NodeId);
        var dcOrders = online.Where(c => !c.FromStore).ToLookup(c => c.NodeId);
        var inbound = shipments.Where(s => s.StoreId is not null).ToLookup(s => s.StoreId!.Value);

        var storeResults = new StoreDayResult[o.Stores];
        Parallel.For(0, o.Stores, s => storeResults[s] = _stores.Run(s + 1, dayIndex, date, [.. inbound[s + 1]], [.. storeOrders[s + 1]]));
        var dcResults = new (List<DcInventoryTxn> Txns, int Stockouts)[o.DistributionCenters];
        Parallel.For(0, o.DistributionCenters, d => dcResults[d] = _dcs.Run(d + 1, date, [.. shipments.Where(x => x.DcId == d + 1)], reserved[d], [.. dcOrders[d + 1]]));

        var moves = new List<IRow>(shipments.Count * 6);
        var moveSeq = 0;
        foreach (var shipment in shipments)
        {
            for (var status = 0; status < Shipment.Statuses.Length; status++)
            {
                moves.Add(new TruckMove
                {
                    TraceId = FactIds.TruckMove(day, ++moveSeq),
                    EventTS = shipment.TimeOf(status),
                    TruckId = shipment.TruckId,
                    DCID = shipment.DcId,
                    StoreID = shipment.StoreId,
                    ShipmentId = shipment.Id,
                    Status = Shipment.Statuses[status],
                    ETA = shipment.Arrived,
                    ETD = shipment.Completed,
                });
            }
        }

        var (orders, orderLines) = AssembleOnline(day, online);
        return new FactDay
        {
            Date = date,
            Stockouts = storeResults.Sum(r => r.Stockouts) + dcResults.Sum(r => r.Stockouts),
            Rows = new Dictionary<TableInfo, IReadOnlyList<IRow>>
            {
                [Tables.TruckMoves] = moves,
                [Tables.DcInventoryTxns] = [.. dcResults.SelectMany(r => r.Txns)],
                [Tables.StoreInventoryTxns] = [.. storeResults.SelectMany(r => r.Txns)],
                [Tables.Receipts] = [.. storeResults.SelectMany(r => r.Receipts)],
                [Tables.ReceiptLines] = [.. storeResults.SelectMany(r => r.Lines)],
                [Tables.FootTraffic] = [.. storeResults.SelectMany(r => r.Traffic)],
                [Tables.BlePings] = [.. storeResults.SelectMany(r => r.Pings)],
                [Tables.OnlineOrders] = orders,
                [Tables.OnlineOrderLines] = orderLines,
                [Tables.Marketing] = [.. _marketing.Generate(dayIndex, date)],
            },
        };
    }

    private (List<IRow> Orders, List<IRow> Lines) AssembleOnline(string day, List<OnlineCandidate> candidates)
    {
        var orders = new List<IRow>();
        var lines = new List<IRow>();
        var seq = 0;
        foreach (var candidate in candidates)
        {
            var kept = candidate.Lines.Where((_, i) => candidate.Fulfilled[i]).ToList();
            if (kept.Count == 0)
            {
                continue;
            }

            var orderId = FactIds.Order(day, ++seq);
            var subtotal = 0.0;
            for (var l = 0; l < kept.Count; l++)
            {
                var unit = _world.Products[kept[l].Product].SalePrice;
                var ext = TextFormats.RoundMoney(unit * kept[l].Qty);
                subtotal = TextFormats.RoundMoney(subtotal + ext);
                lines.Add(new OnlineOrderLine { OrderId = orderId, Line = l + 1, ProductID = kept[l].Product + 1, Qty = kept[l].Qty, UnitPrice = unit, ExtPrice = ext });
            }

            var tax = TextFormats.RoundMoney(subtotal * _world.Options.TaxRate);
            orders.Add(new OnlineOrder
            {
                OrderId = orderId,
                TraceId = FactIds.OrderTrace(day, seq),
                EventTS = candidate.Time,
                CustomerID = candidate.CustomerId,
                FulfillmentMode = candidate.Mode,
                FulfillmentNodeType = candidate.FromStore ? "STORE" : "DC",
                FulfillmentNodeID = candidate.NodeId,
                Subtotal = subtotal,
                Tax = tax,
                Total = TextFormats.RoundMoney(subtotal + tax),
                TenderType = candidate.Tender,
            });
        }

        return (orders, lines);
    }
}
