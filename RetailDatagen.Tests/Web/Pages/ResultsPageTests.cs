using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RetailDatagen.Core.Model;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Pages.Results;

namespace RetailDatagen.Tests.Web.Pages;

/// <summary>The Results page over the real small dataset.</summary>
public sealed class ResultsPageTests(SmallDataset dataset) : MudTestContext(dataset.OutputRoot)
{
    [Fact]
    public void Render_ListsEveryTableWithItsRowCount()
    {
        var page = RenderResults(Tables.Geographies);

        var tabs = page.FindAll("[data-testid=result-tables] [role=tab]").Select(t => t.TextContent.Trim()).ToList();
        foreach (var table in dataset.Manifest.Tables)
        {
            Assert.Contains(
                $"{Tables.FindByName(table.Name)!.Title} "
                    + $"({table.RowCount.ToString("N0", CultureInfo.InvariantCulture)})",
                tabs
            );
        }
    }

    [Fact]
    public void Customers_FirstPage_ShowsTheFirst25RowsAndEveryColumn()
    {
        var page = RenderResults(Tables.Customers);

        page.WaitForAssertion(() => Assert.Equal(Ids(1, 25), FirstColumn(page)));
        Assert.Equal(
            Tables.Customers.Columns,
            page.FindAll("thead th").Select(h => h.TextContent.Trim()).Where(t => t.Length > 0)
        );
        Assert.Contains("1-25 of 10,000", page.Markup, StringComparison.Ordinal);
        var cells = page.FindAll("tbody tr")[0]
            .QuerySelectorAll("td")
            .Select(c => (c.QuerySelector("[data-testid=fk-link]") ?? c).TextContent.Trim());
        Assert.Equal(ReadCustomer(1), cells);
    }

    [Fact]
    public async Task Customers_NextAndLastPage_ShowThoseRows()
    {
        var page = RenderResults(Tables.Customers);
        page.WaitForAssertion(() => Assert.Equal(Ids(1, 25), FirstColumn(page)));

        await page.InvokeAsync(() => page.Find("button[aria-label='Next page']").Click());
        page.WaitForAssertion(() => Assert.Equal(Ids(26, 25), FirstColumn(page)));

        await page.InvokeAsync(() => page.Find("button[aria-label='Last page']").Click());
        page.WaitForAssertion(() => Assert.Equal(Ids(9_976, 25), FirstColumn(page)));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(250)]
    public void Customers_PageSize_ShowsThatManyRows(int size)
    {
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var page = RenderResults(Tables.Customers);
        page.WaitForAssertion(() => Assert.Equal(Ids(1, 25), FirstColumn(page)));

        page.Find(".mud-table-pagination-select").MouseDown();
        // The list may re-render while it opens: find the item afresh on every attempt.
        popovers.WaitForAssertion(() =>
            popovers
                .FindAll(".mud-list-item")
                .Single(i => i.TextContent.Trim() == size.ToString(CultureInfo.InvariantCulture))
                .Click()
        );

        page.WaitForAssertion(() => Assert.Equal(Ids(1, size), FirstColumn(page)));
    }

    [Fact]
    public async Task Customers_SortedByLastName_ShowTheAlphabeticallyFirstRows()
    {
        var page = RenderResults(Tables.Customers);
        page.WaitForAssertion(() => Assert.Equal(Ids(1, 25), FirstColumn(page)));

        await SortByAsync(page, "LastName");
        page.WaitForAssertion(() => Assert.Equal(IdsOrderedBy("LastName", descending: false), FirstColumn(page)));

        await SortByAsync(page, "LastName");
        page.WaitForAssertion(() => Assert.Equal(IdsOrderedBy("LastName", descending: true), FirstColumn(page)));
    }

    [Fact]
    public void Search_ShowsOnlyMatchingRowsAndTheirCount()
    {
        var page = RenderResults(Tables.Customers);
        page.WaitForAssertion(() => Assert.Equal(Ids(1, 25), FirstColumn(page)));
        var lastName = ReadCustomer(1)[2];

        page.Find("[data-testid=grid-search] input, input[data-testid=grid-search]").Input(lastName);

        var expected = CountCustomersWithLastName(lastName);
        page.WaitForAssertion(
            () =>
                Assert.StartsWith(
                    $"{expected.ToString("N0", CultureInfo.InvariantCulture)} matching rows",
                    page.Find("[data-testid=grid-status]").TextContent.Trim(),
                    StringComparison.Ordinal
                ),
            TimeSpan.FromSeconds(10)
        );
        Assert.All(
            page.FindAll("tbody tr"),
            r => Assert.Contains(lastName, r.TextContent, StringComparison.OrdinalIgnoreCase)
        );
    }

    [Fact]
    public void UnknownRun_SaysSo()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/runs/20990101-000000-0000/results");

        var page = Render<ResultsPage>(p => p.Add(x => x.RunId, "20990101-000000-0000"));

        Assert.NotNull(page.Find("[data-testid=run-not-found]"));
    }

    private IRenderedComponent<ResultsPage> RenderResults(TableInfo? table = null)
    {
        var query = table is null ? "" : $"?table={table.Name}";
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/runs/{dataset.RunId}/results{query}");
        return Render<ResultsPage>(p => p.Add(x => x.RunId, dataset.RunId));
    }

    // Found and clicked in one turn of the renderer: the header re-renders as rows arrive, and a header found just
    // before such a render carries an event handler that is gone by the time of the click.
    private static Task SortByAsync(IRenderedComponent<ResultsPage> page, string column) =>
        page.InvokeAsync(() =>
            page.FindAll("thead th")
                .Single(h => h.TextContent.Trim() == column)
                .QuerySelector(".sortable-column-header")!
                .Click()
        );

    private static List<string> FirstColumn(IRenderedComponent<ResultsPage> page) =>
        [.. page.FindAll("tbody tr").Select(r => r.QuerySelector("td")?.TextContent.Trim() ?? "")];

    private static List<string> Ids(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private List<string> IdsOrderedBy(string column, bool descending) =>
        Read(
            $"SELECT ID FROM dim_customers ORDER BY \"{column}\"{(descending ? " DESC" : "")}, ID LIMIT 25",
            r => r.GetInt64(0).ToString(CultureInfo.InvariantCulture)
        );

    private List<string> ReadCustomer(long id) =>
        Read(
                $"SELECT * FROM dim_customers WHERE ID = {id}",
                r =>
                    Enumerable
                        .Range(0, r.FieldCount)
                        .Select(i => Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)!)
                        .ToList()
            )
            .Single();

    private long CountCustomersWithLastName(string text) =>
        Read(
                $"SELECT COUNT(*) FROM dim_customers WHERE FirstName LIKE '%{text}%' OR LastName LIKE '%{text}%' OR "
                    + $"Address LIKE '%{text}%'",
                r => r.GetInt64(0)
            )
            .Single();

    private List<T> Read<T>(string sql, Func<SqliteDataReader, T> map)
    {
        using var connection = new SqliteConnection($"Data Source={dataset.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
