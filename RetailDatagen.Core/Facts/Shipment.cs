namespace RetailDatagen.Core.Facts;

/// <summary>A product and quantity on a shipment (0-based product index).</summary>
internal readonly record struct ShipmentLine(int Product, int Qty);

/// <summary>One truck trip: DC → store (replenishment) or supplier → DC (StoreId null), with its status times.</summary>
internal sealed class Shipment
{
    public string Id { get; set; } = "";
    public required int DcId { get; init; }
    public int? StoreId { get; init; }
    public required int TruckId { get; init; }
    public required bool RefrigeratedTruck { get; init; }
    public required List<ShipmentLine> Lines { get; init; }
    public required DateTime Scheduled { get; init; }
    public required DateTime Loading { get; init; }
    public required DateTime InTransit { get; init; }
    public required DateTime Arrived { get; init; }
    public required DateTime Unloading { get; init; }
    public required DateTime Completed { get; init; }

    /// <summary>When the truck is free again (back at its base).</summary>
    public required DateTime TruckFree { get; init; }

    public static readonly string[] Statuses = ["SCHEDULED", "LOADING", "IN_TRANSIT", "ARRIVED", "UNLOADING", "COMPLETED"];

    public DateTime TimeOf(int status) => status switch
    {
        0 => Scheduled,
        1 => Loading,
        2 => InTransit,
        3 => Arrived,
        4 => Unloading,
        _ => Completed,
    };
}
