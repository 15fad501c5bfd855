using System.Text.Json.Serialization;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Insights;

public sealed record MapPlace(
    int GeographyId,
    string City,
    string State,
    double Latitude,
    double Longitude,
    long Customers,
    int Stores
);

public sealed record MapDc(int Id, string Number, string City, string State, double Latitude, double Longitude);

public sealed record MapStore(
    int Id,
    string Number,
    string City,
    string State,
    double Latitude,
    double Longitude,
    int DcId
);

public sealed record LabeledCount(string Label, long Count);

public sealed record LabeledValue(string Label, double Value);

public sealed record DepartmentBand(string Department, string Band, long Count);

public sealed record TruckFleet(string DcNumber, long Refrigerated, long Dry);

public sealed record DaySales(string Date, double Sales, long Receipts, string? Holiday);

public sealed record DayCount(string Date, long Count);

/// <summary>Aggregates of a finished run for the overview charts and the network map.</summary>
public sealed record DatasetInsights
{
    public required IReadOnlyList<MapPlace> Places { get; init; }
    public required IReadOnlyList<MapDc> DistributionCenters { get; init; }
    public required IReadOnlyList<MapStore> Stores { get; init; }
    public required IReadOnlyList<DepartmentBand> ProductsByDepartmentAndBand { get; init; }
    public required IReadOnlyList<LabeledCount> DiscountDistribution { get; init; }
    public required IReadOnlyList<LabeledCount> CustomersByRegion { get; init; }
    public required IReadOnlyList<TruckFleet> TrucksByDc { get; init; }
    public bool HasFacts { get; init; }
    public IReadOnlyList<DaySales> SalesByDay { get; init; } = [];
    public IReadOnlyList<LabeledValue> SalesByHour { get; init; } = [];
    public IReadOnlyList<LabeledValue> SalesByDepartment { get; init; } = [];
    public IReadOnlyList<LabeledCount> TenderMix { get; init; } = [];
    public IReadOnlyList<LabeledValue> TopStores { get; init; } = [];
    public IReadOnlyList<LabeledValue> TopProducts { get; init; } = [];
    public IReadOnlyList<DayCount> StockoutsByDay { get; init; } = [];

    /// <summary>Distinct customers with at least one store receipt.</summary>
    public long ActiveCustomers { get; init; }

    /// <summary>Store sales (receipt subtotals) over the whole window.</summary>
    [JsonIgnore]
    public double Revenue => SalesByDay.Sum(d => d.Sales);

    [JsonIgnore]
    public long Receipts => SalesByDay.Sum(d => d.Receipts);

    /// <summary>Every day of the window, 0 where nothing happened (a day without stockouts is a day, not a
    /// gap).</summary>
    public static IReadOnlyList<DayCount> FillDays(IReadOnlyList<DayCount> counts, DateOnly start, int days)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var byDay = counts.ToDictionary(c => c.Date, c => c.Count, StringComparer.Ordinal);
        return [.. Window(start, days).Select(d => new DayCount(d.Text, byDay.GetValueOrDefault(d.Text)))];
    }

    /// <summary>Every day of the window, no sales where the stores sold nothing (closed on a holiday, say).</summary>
    public static IReadOnlyList<DaySales> FillDays(IReadOnlyList<DaySales> sales, DateOnly start, int days)
    {
        ArgumentNullException.ThrowIfNull(sales);
        var byDay = sales.ToDictionary(c => c.Date, StringComparer.Ordinal);
        return
        [
            .. Window(start, days)
                .Select(d =>
                    byDay.GetValueOrDefault(d.Text)
                    ?? new DaySales(d.Text, 0, 0, Facts.RetailCalendar.HolidayOn(d.Day)?.Name)
                ),
        ];
    }

    private static IEnumerable<(DateOnly Day, string Text)> Window(DateOnly start, int days) =>
        Enumerable
            .Range(0, Math.Max(0, days))
            .Select(i => start.AddDays(i))
            .Select(d => (d, d.ToString(TextFormats.Date, System.Globalization.CultureInfo.InvariantCulture)));

    public static IReadOnlyList<string> PriceBands { get; } =
    ["under $5", "$5–$20", "$20–$100", "$100–$500", "$500 and up"];

    public static IReadOnlyList<string> DiscountBands { get; } =
    ["no discount", "up to 10%", "10–20%", "20–30%", "30% and more"];
}
