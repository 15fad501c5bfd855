using Bunit;
using RetailDatagen.Core.Quality;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Shared;

namespace RetailDatagen.Tests.Web.Pages;

public sealed class RealismReportTests : MudTestContext
{
    [Fact]
    public void Kpis_ShowValueAgainstTargetWithAMetOrNotMetChip()
    {
        RealismKpi[] kpis =
        [
            new("basket_size", "Mean items per receipt", 8.25, "6–14", true, "items"),
            new("receipts_per_customer", "Receipts per active customer", 1_234.6, "≥ 2,000", false),
        ];

        var card = Render<RealismReport>(p => p.Add(x => x.Kpis, kpis));

        Assert.Equal("8.25 items", card.Find("[data-testid=realism-value-basket_size]").TextContent.Trim());
        Assert.Contains("6–14", card.Find("[data-testid=realism-basket_size]").TextContent, StringComparison.Ordinal);
        Assert.Equal("met", card.Find("[data-testid=realism-met-basket_size]").TextContent.Trim());
        Assert.Equal("1,235", card.Find("[data-testid=realism-value-receipts_per_customer]").TextContent.Trim());
        Assert.Equal("not met", card.Find("[data-testid=realism-met-receipts_per_customer]").TextContent.Trim());
        Assert.Contains(
            "rd-chip-bad",
            card.Find("[data-testid=realism-met-receipts_per_customer]").ClassName,
            StringComparison.Ordinal
        );
        Assert.Equal("1 of 2 KPIs not met", card.Find("[data-testid=realism-verdict]").TextContent.Trim());
    }

    [Fact]
    public void NoKpis_ShowsThatTheRunHasNoRealismReport()
    {
        var card = Render<RealismReport>(p => p.Add(x => x.Kpis, []));

        Assert.Contains(
            "no realism report",
            card.Find("[data-testid=realism-empty]").TextContent,
            StringComparison.Ordinal
        );
        Assert.Empty(card.FindAll("[data-testid=realism-verdict]"));
    }
}
