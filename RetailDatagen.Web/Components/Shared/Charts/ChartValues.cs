namespace RetailDatagen.Web.Components.Shared.Charts;

/// <summary>One named series of a chart: a value per category.</summary>
public sealed record ChartValues(string Name, IReadOnlyList<double> Values);
