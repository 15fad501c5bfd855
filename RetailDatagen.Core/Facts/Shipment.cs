using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Facts;

/// <summary>A product and quantity on a shipment (0-based product index).</summary>
internal readonly record struct ShipmentLine(int Product, int Qty);

/// <summary>
/// One truck trip: DC → store (replenishment) or supplier → DC (StoreId null), with its status times. ETA and ETD
/// are the plan; Arrived is when the truck really came (a late trip arrives after its ETA).
/// </summary>
internal sealed class Shipment
{
    public string Id { get; set; } = "";
    public required int DcId { get; init; }
    public int? StoreId { get; init; }
    public required int TruckId { get; init; }
    public required bool RefrigeratedTruck { get; init; }
    public required List<ShipmentLine> Lines { get; init; }
    public required double Miles { get; init; }
    public required DateTime Scheduled { get; init; }
    public required DateTime Loading { get; init; }
    public required DateTime InTransit { get; init; }
    public required DateTime Eta { get; init; }
    public required DateTime Arrived { get; init; }
    public required DateTime Unloading { get; init; }
    public required DateTime Completed { get; init; }
    public required DateTime Etd { get; init; }

    /// <summary>When the truck is free again (back at its base).</summary>
    public required DateTime TruckFree { get; init; }

    public DateTime TimeOf(int status) =>
        status switch
        {
            0 => Scheduled,
            1 => Loading,
            2 => InTransit,
            3 => Arrived,
            4 => Unloading,
            _ => Completed,
        };

    /// <summary>The six truck_moves rows of the trip, in status order.</summary>
    public IEnumerable<TruckMove> Moves(Func<string> nextTraceId)
    {
        for (var status = 0; status < FactCodes.TruckStatus.Lifecycle.Length; status++)
        {
            yield return new TruckMove
            {
                TraceId = nextTraceId(),
                EventTS = TimeOf(status),
                TruckId = TruckId,
                DCID = DcId,
                StoreID = StoreId,
                ShipmentId = Id,
                Status = FactCodes.TruckStatus.Lifecycle[status],
                ETA = Eta,
                ETD = Etd,
                DistanceMiles = Math.Round(Miles, 1),
            };
        }
    }
}
