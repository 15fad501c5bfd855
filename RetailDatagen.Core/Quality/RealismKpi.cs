namespace RetailDatagen.Core.Quality;

/// <summary>
/// One measured realism KPI of a run (DATA-CONTRACT §4): its value, the target as text (e.g. "≥ 0.92",
/// "6–14") and whether the value meets it. Stored in <c>meta_realism</c> and <c>manifest.json</c>.
/// </summary>
public sealed record RealismKpi(
    string Kpi,
    string Description,
    double Value,
    string Target,
    bool Met,
    string Unit = ""
);
