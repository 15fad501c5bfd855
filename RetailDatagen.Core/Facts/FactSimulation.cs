using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// Produces the historical fact tables day by day. Days are sequential (each starts from the inventory the
/// previous one left): the day's trips are planned from the previous day's closing stock, then stores run in
/// parallel, then DCs in parallel. Output depends only on the options: thread count and scheduling never change it.
/// </summary>
public sealed class FactSimulation
{
    private readonly FactWorld _world;
    private readonly ReplenishmentPlanner _planner;
    private readonly OnlineOrderPlanner _online;
    private readonly StoreDaySimulator _stores;
    private readonly DcDaySimulator _dcs;
    private readonly MarketingGenerator _marketing;

    // Ad conversions waiting for their day, by (day index, store id).
    private readonly Dictionary<(int Day, int Store), List<Conversion>> _conversions = [];

    public FactSimulation(MasterPlan plan)
    {
        _world = new FactWorld(plan);
        _planner = new ReplenishmentPlanner(_world);
        _online = new OnlineOrderPlanner(_world);
        _stores = new StoreDaySimulator(_world);
        _dcs = new DcDaySimulator(_world);
        _marketing = new MarketingGenerator(_world);
    }

    /// <summary>
    /// Expected rows per fact table (progress and estimates; actual counts differ a little), from the same
    /// calendar, profile and supply-chain parameters the simulation uses.
    /// </summary>
    public static IReadOnlyDictionary<string, long> EstimateRows(Options.GenerationOptions o)
    {
        var profile = Dictionaries.RetailerProfiles.Instance.Get(o.Profile);
        double receipts = 0,
            online = 0,
            impressions = 0,
            openStoreDays = 0;
        for (var d = 0; d < o.Days; d++)
        {
            var date = o.StartDate.AddDays(d);
            var closed = o.ClosedOnHolidays && RetailCalendar.IsStoreClosingHoliday(date);
            receipts += closed ? 0 : o.Stores * (double)o.CustomersPerStorePerDay * RetailCalendar.StoreFactor(date);
            openStoreDays += closed ? 0 : o.Stores;
            online += o.OnlineOrdersPerDay * RetailCalendar.OnlineFactor(date);
            impressions += o.MarketingImpressionsPerDay * RetailCalendar.OnlineFactor(date);
        }

        // Stockouts and repeated draws trim a few lines; returns come back as refund receipts.
        var lines = receipts * profile.MeanLinesPerReceipt * 0.95;
        var returnRate =
            profile.Departments.Sum(x => x.RevenueShare * x.ReturnRate) / profile.Departments.Sum(x => x.RevenueShare);
        var refunds = lines * returnRate;

        // A store trip carries the products that reached their reorder point since the last one: about the distinct
        // products sold in between (review interval ≈ stores per DC / trips a DC's fleet makes a day, at least 1).
        var storesPerDc = Math.Max(1.0, o.Stores / (double)Math.Max(1, o.DistributionCenters));
        var tripsPerDc = Math.Max(
            1.0,
            (o.RefrigeratedTrucks + o.NonRefrigeratedTrucks) * 2.0 / Math.Max(1, o.DistributionCenters)
        );
        var review = Math.Clamp(Math.Ceiling(storesPerDc / tripsPerDc), 1, 7);
        var linesPerStoreDay = o.CustomersPerStorePerDay * profile.MeanLinesPerReceipt;
        var shipmentLines = o.Products * (1 - Math.Exp(-linesPerStoreDay * review / Math.Max(1, o.Products) / 3));
        var storeTrips = openStoreDays / review;
        var supplierTrips = o.DistributionCenters * 2.0 * o.Days;
        return new Dictionary<string, long>
        {
            [Tables.TruckMoves.Name] = (long)((storeTrips + supplierTrips) * 6),
            [Tables.DcInventoryTxns.Name] = (long)(
                (storeTrips * shipmentLines * 1.5) + (online * (1 - SupplyChain.OnlineFromStoreShare) * 2.2)
            ),
            [Tables.StoreInventoryTxns.Name] = (long)(
                lines + refunds + (storeTrips * shipmentLines) + (online * SupplyChain.OnlineFromStoreShare * 2.2)
            ),
            [Tables.Receipts.Name] = (long)(receipts + (refunds * 0.9)),
            [Tables.ReceiptLines.Name] = (long)(lines + refunds),
            [Tables.FootTraffic.Name] = (long)(openStoreDays * (o.StoreCloseHour - o.StoreOpenHour) * 4),
            [Tables.BlePings.Name] = (long)(receipts * 1.45 * 2.0),
            [Tables.OnlineOrders.Name] = (long)online,
            [Tables.OnlineOrderLines.Name] = (long)(online * 2.3),
            [Tables.Marketing.Name] = (long)impressions,
        };
    }

    /// <summary>Simulates every day in order; <paramref name="emit"/> receives each day's rows before the next day
    /// starts.</summary>
    public async Task RunAsync(Func<FactDay, CancellationToken, ValueTask> emit, CancellationToken cancellationToken)
    {
        var o = _world.Options;
        for (var dayIndex = 0; dayIndex < o.Days; dayIndex++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _planner.Plan(dayIndex);
            var day = Simulate(dayIndex, o.StartDate.AddDays(dayIndex));
            await emit(day, cancellationToken).ConfigureAwait(false);
        }
    }

    private FactDay Simulate(int dayIndex, DateOnly date)
    {
        var o = _world.Options;
        var day = FactIds.Day(date);
        var online = _online.Plan(dayIndex, date);
        var storeOrders = online.Where(c => c.FromStore).ToLookup(c => c.NodeId);
        var dcOrders = online.Where(c => !c.FromStore).ToLookup(c => c.NodeId);
        var loading = _planner.Book.TakeLoading(dayIndex);
        var unloading = _planner.Book.TakeUnloading(dayIndex);
        var inbound = unloading.Where(s => s.StoreId is not null).ToLookup(s => s.StoreId!.Value);
        var supplier = unloading.Where(s => s.StoreId is null).ToLookup(s => s.DcId);
        var outbound = loading.Where(s => s.StoreId is not null).ToLookup(s => s.DcId);

        var storeResults = new StoreDayResult[o.Stores];
        Parallel.For(
            0,
            o.Stores,
            s =>
                storeResults[s] = _stores.Run(
                    s + 1,
                    dayIndex,
                    date,
                    [.. inbound[s + 1]],
                    [.. storeOrders[s + 1]],
                    _conversions.GetValueOrDefault((dayIndex, s + 1)) ?? []
                )
        );
        foreach (var store in Enumerable.Range(1, o.Stores))
        {
            _conversions.Remove((dayIndex, store));
        }

        var (impressions, conversions) = _marketing.Generate(dayIndex, date);
        foreach (var (later, store, conversion) in conversions)
        {
            (_conversions.TryGetValue((later, store), out var list) ? list : _conversions[(later, store)] = []).Add(
                conversion
            );
        }

        var dcResults = new (List<DcInventoryTxn> Txns, int Stockouts)[o.DistributionCenters];
        Parallel.For(
            0,
            o.DistributionCenters,
            d =>
                dcResults[d] = _dcs.Run(
                    d + 1,
                    date,
                    [.. supplier[d + 1]],
                    [.. outbound[d + 1]],
                    _planner.Reserved[d],
                    [.. dcOrders[d + 1]]
                )
        );
        foreach (var shipment in unloading)
        {
            _planner.Delivered(shipment);
        }

        var moveSeq = 0;
        var moves = loading.SelectMany(s => s.Moves(() => FactIds.TruckMove(day, ++moveSeq))).Cast<IRow>().ToList();
        var (orders, orderLines) = AssembleOnline(day, online);
        return new FactDay
        {
            Date = date,
            IsLast = dayIndex == o.Days - 1,
            Stockouts = storeResults.Sum(r => r.Stockouts) + dcResults.Sum(r => r.Stockouts),
            Rows = new Dictionary<TableInfo, IReadOnlyList<IRow>>
            {
                [Tables.TruckMoves] = moves,
                [Tables.DcInventoryTxns] = new RowSegments(dcResults.Select(r => r.Txns)),
                [Tables.StoreInventoryTxns] = new RowSegments(storeResults.Select(r => r.Txns)),
                [Tables.Receipts] = new RowSegments(storeResults.Select(r => r.Receipts)),
                [Tables.ReceiptLines] = new RowSegments(storeResults.Select(r => r.Lines)),
                [Tables.FootTraffic] = new RowSegments(storeResults.Select(r => r.Traffic)),
                [Tables.BlePings] = new RowSegments(storeResults.Select(r => r.Pings)),
                [Tables.OnlineOrders] = orders,
                [Tables.OnlineOrderLines] = orderLines,
                [Tables.Marketing] = impressions,
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
                lines.Add(
                    new OnlineOrderLine
                    {
                        OrderId = orderId,
                        Line = l + 1,
                        ProductID = kept[l].Product + 1,
                        Qty = kept[l].Qty,
                        UnitPrice = unit,
                        ExtPrice = ext,
                    }
                );
            }

            var tax = TextFormats.RoundMoney(subtotal * _world.Options.TaxRate);
            orders.Add(
                new OnlineOrder
                {
                    OrderId = orderId,
                    TraceId = FactIds.OrderTrace(day, seq),
                    EventTS = candidate.Time,
                    CustomerID = candidate.CustomerId,
                    FulfillmentMode = candidate.Mode,
                    FulfillmentNodeType = candidate.FromStore
                        ? FactCodes.Fulfillment.StoreNode
                        : FactCodes.Fulfillment.DcNode,
                    FulfillmentNodeID = candidate.NodeId,
                    Subtotal = subtotal,
                    Tax = tax,
                    Total = TextFormats.RoundMoney(subtotal + tax),
                    TenderType = candidate.Tender,
                }
            );
        }

        return (orders, lines);
    }
}
