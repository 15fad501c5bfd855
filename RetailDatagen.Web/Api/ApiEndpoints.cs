using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Core.Sql;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Web.Api;

/// <summary>
/// The JSON API for scripted analysts (<c>/api/…</c>, described at <c>/openapi/v1.json</c> and on the API page):
/// runs, table pages with the grid's filters, facets, the data dictionary and read-only SQL with the console's limits.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapWorkbenchApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        var api = app.MapGroup("/api").WithTags("RetailDatagen");
        api.MapGet("/runs", ListRuns).WithSummary("Every run, newest first.");
        api.MapGet("/runs/{runId}", GetRun).WithSummary("A finished run's manifest (options, tables, quality).");
        api.MapGet("/runs/{runId}/tables/{table}", GetTablePage)
            .WithSummary(
                "One page of a table: sort=Column or -Column, filter=Column~op~value (repeatable; op is "
                    + "eq, ne, lt, le, gt, ge, between (two values), contains, starts or empty), search, searchColumn."
            );
        api.MapGet("/runs/{runId}/tables/{table}/export.csv", ExportTable)
            .WithSummary("Every row of the filtered, sorted view as CSV.");
        api.MapGet("/runs/{runId}/tables/{table}/facets", GetFacets)
            .WithSummary("Top values with counts of the low-cardinality columns of the filtered view.");
        api.MapGet("/runs/{runId}/sql", RunSql)
            .WithSummary(
                "Runs read-only SQL (time limit, row cap) and returns {columns, rows, truncated, elapsedMs, "
                    + "firstRowMs}."
            );
        api.MapGet("/runs/{runId}/sql/export", ExportSql)
            .WithSummary("Streams the full result of read-only SQL as CSV (format=csv) or JSON (format=json).");
        api.MapGet("/dictionary", GetDictionary).WithSummary("What every table and column means.");
        return app;
    }

    internal static Ok<List<RunListItem>> ListRuns(RunCatalog catalog) =>
        TypedResults.Ok(
            catalog
                .List()
                .Select(r => new RunListItem(
                    r.RunId,
                    r.Status.ToString(),
                    r.Preset,
                    r.Seed,
                    r.StartedAt,
                    r.TotalRows,
                    r.TotalBytes,
                    r.HasDatabase,
                    r.HasCsv
                ))
                .ToList()
        );

    internal static Results<JsonHttpResult<RunManifest>, NotFound<ApiError>> GetRun(string runId, RunCatalog catalog) =>
        catalog.Find(runId) is { } run
            ? TypedResults.Json(run.Manifest, RunManifest.Json)
            : TypedResults.NotFound(new ApiError($"There is no finished run {runId}."));

    internal static async Task<Results<Ok<TablePageResponse>, BadRequest<ApiError>, NotFound<ApiError>>> GetTablePage(
        string runId,
        string table,
        RunCatalog catalog,
        TableBrowser browser,
        [FromQuery] int? page,
        [FromQuery] int? size,
        [FromQuery] string? sort,
        [FromQuery] string? search,
        [FromQuery] string? searchColumn,
        [FromQuery(Name = "filter")] string[]? filter,
        CancellationToken cancellationToken
    )
    {
        if (Database(catalog, runId) is not { } path || Tables.FindByName(table) is not { } info)
        {
            return TypedResults.NotFound(new ApiError($"Run {runId} has no database table {table}."));
        }

        var number = page ?? 1;
        var rows = size ?? 25;
        if (number < 1 || rows is < 1 or > TableBrowser.MaxPageSize)
        {
            return TypedResults.BadRequest(
                new ApiError(
                    $"page must be 1 or more and size between 1 and {TableBrowser.MaxPageSize} (got page={number}, "
                        + $"size={rows})."
                )
            );
        }

        try
        {
            var query = View(info, sort, search, searchColumn, filter) with
            {
                Offset = (number - 1L) * rows,
                Limit = rows,
            };
            var result = await browser.QueryAsync(path, query, cancellationToken);
            return TypedResults.Ok(
                new TablePageResponse(
                    info.Name,
                    info.Columns,
                    result.TotalRows,
                    number,
                    rows,
                    result.Rows,
                    [.. query.Filters.Select(f => f.Format())]
                )
            );
        }
        catch (ArgumentException ex)
        {
            return TypedResults.BadRequest(new ApiError(ex.Message));
        }
    }

    internal static Results<PushStreamHttpResult, BadRequest<ApiError>, NotFound<ApiError>> ExportTable(
        string runId,
        string table,
        RunCatalog catalog,
        TableBrowser browser,
        HttpContext context,
        [FromQuery] string? sort,
        [FromQuery] string? search,
        [FromQuery] string? searchColumn,
        [FromQuery(Name = "filter")] string[]? filter
    )
    {
        if (Database(catalog, runId) is not { } path || Tables.FindByName(table) is not { } info)
        {
            return TypedResults.NotFound(new ApiError($"Run {runId} has no database table {table}."));
        }

        TableQuery query;
        try
        {
            query = View(info, sort, search, searchColumn, filter);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.BadRequest(new ApiError(ex.Message));
        }

        return TypedResults.Stream(
            async stream => await browser.ExportCsvAsync(path, query, stream, context.RequestAborted),
            "text/csv; charset=utf-8",
            $"{runId}-{info.Name}.csv"
        );
    }

    internal static async Task<Results<Ok<FacetsResponse>, BadRequest<ApiError>, NotFound<ApiError>>> GetFacets(
        string runId,
        string table,
        RunCatalog catalog,
        TableBrowser browser,
        [FromQuery] string? search,
        [FromQuery] string? searchColumn,
        [FromQuery(Name = "filter")] string[]? filter,
        CancellationToken cancellationToken
    )
    {
        if (Database(catalog, runId) is not { } path || Tables.FindByName(table) is not { } info)
        {
            return TypedResults.NotFound(new ApiError($"Run {runId} has no database table {table}."));
        }

        try
        {
            var facets = await browser.FacetsAsync(
                path,
                View(info, null, search, searchColumn, filter),
                cancellationToken
            );
            return TypedResults.Ok(new FacetsResponse(info.Name, facets));
        }
        catch (ArgumentException ex)
        {
            return TypedResults.BadRequest(new ApiError(ex.Message));
        }
    }

    internal static async Task<IResult> RunSql(
        string runId,
        [FromQuery] string? q,
        RunCatalog catalog,
        SqlConsole console,
        CancellationToken cancellationToken
    )
    {
        if (Database(catalog, runId) is not { } path)
        {
            return TypedResults.NotFound(new ApiError($"There is no finished run {runId} with a database."));
        }

        try
        {
            var result = await console.RunAsync(path, q ?? "", cancellationToken);
            return TypedResults.Ok(
                new SqlResponse(
                    [.. result.Columns.Select(c => c.Name)],
                    result.Rows,
                    result.Truncated,
                    Math.Round(result.ElapsedMs, 1),
                    result.FirstRowMs is { } first ? Math.Round(first, 1) : null
                )
            );
        }
        catch (SqlConsoleException ex)
        {
            return Failure(ex);
        }
    }

    internal static async Task<IResult> ExportSql(
        string runId,
        [FromQuery] string? q,
        [FromQuery] string? format,
        RunCatalog catalog,
        SqlConsole console,
        HttpContext context,
        CancellationToken cancellationToken
    )
    {
        if (Database(catalog, runId) is not { } path)
        {
            return TypedResults.NotFound(new ApiError($"There is no finished run {runId} with a database."));
        }

        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !json && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.BadRequest(new ApiError($"format is csv or json (got '{format}')."));
        }

        // Nothing is sent before the first row, so an error until then (syntax, a denied statement, the time limit of a
        // query that finds no row in time) is still a 400 or 408; after it, an error can only break the stream.
        var response = context.Response;
        var sent = false;
        var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        try
        {
            await console.ExecuteAsync(
                path,
                q ?? "",
                console.Options.ExportTimeLimit,
                async (columns, token) =>
                    await writer.WriteAsync(
                        json
                            ? "{\"columns\":" + JsonSerializer.Serialize(columns.Select(c => c.Name)) + ",\"rows\":["
                            : string.Join(',', columns.Select(c => TableBrowser.CsvField(c.Name))) + "\r\n"
                    ),
                async (row, token) =>
                {
                    if (json && sent)
                    {
                        await writer.WriteAsync(',');
                    }

                    await writer.WriteAsync(json ? JsonSerializer.Serialize(row) : CsvRow(row));
                    if (!sent)
                    {
                        // The header and first row leave at once, even when a slow scan finds the next row only
                        // seconds later; after that the 64 KB buffer sends whole blocks.
                        sent = true;
                        Attachment(response, runId, json);
                        await writer.FlushAsync(token);
                    }

                    return true;
                },
                cancellationToken
            );
            if (!sent)
            {
                Attachment(response, runId, json);
            }

            await writer.WriteAsync(json ? "]}" : "");
            await writer.DisposeAsync();
            return TypedResults.Empty;
        }
        catch (SqlConsoleException ex) when (!sent)
        {
            // The header is still in the writer's buffer: dropping the writer unflushed leaves the response unstarted.
            return Failure(ex);
        }
        catch (SqlConsoleException)
        {
            // Rows already left with a 200: breaking the connection is the only way to say the file is incomplete.
            context.Abort();
            return TypedResults.Empty;
        }
    }

    private static void Attachment(HttpResponse response, string runId, bool json)
    {
        response.ContentType = json ? "application/json" : "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{runId}-query.{(json ? "json" : "csv")}\"";
    }

    internal static Ok<IReadOnlyList<TableDoc>> GetDictionary() => TypedResults.Ok(DataDictionary.Tables);

    /// <summary>The table view a request names; throws <see cref="ArgumentException"/> for a bad column or
    /// filter.</summary>
    internal static TableQuery View(
        TableInfo table,
        string? sort,
        string? search,
        string? searchColumn,
        string[]? filters
    )
    {
        var descending = sort?.StartsWith('-') == true;
        var column = string.IsNullOrWhiteSpace(sort) ? null : sort.TrimStart('-', '+');
        var parsed = new List<ColumnFilter>();
        foreach (var text in filters ?? [])
        {
            parsed.Add(
                ColumnFilter.TryParse(text, out var item)
                    ? item
                    : throw new ArgumentException(
                        $"filter '{text}' is not Column~op~value (op: eq, ne, lt, le, gt, ge, "
                            + "between, contains, starts, empty)."
                    )
            );
        }

        var query = new TableQuery
        {
            Table = table,
            SortColumn = column,
            Descending = descending,
            Search = search,
            SearchColumn = string.IsNullOrWhiteSpace(searchColumn) ? null : searchColumn,
            Filters = parsed,
        };
        _ = SearchFilterCheck(query);
        return query;
    }

    private static bool SearchFilterCheck(TableQuery query)
    {
        foreach (var name in new[] { query.SortColumn, query.SearchColumn }.Concat(query.Filters.Select(f => f.Column)))
        {
            if (name is not null && !query.Table.Columns.Contains(name))
            {
                throw new ArgumentException($"'{name}' is not a column of {query.Table.Name}.");
            }
        }

        return true;
    }

    private static IResult Failure(SqlConsoleException ex) =>
        ex.Failure switch
        {
            SqlFailure.TimeLimit => TypedResults.Json(
                new ApiError(ex.Message),
                statusCode: StatusCodes.Status408RequestTimeout
            ),
            SqlFailure.Busy => TypedResults.Json(
                new ApiError(ex.Message),
                statusCode: StatusCodes.Status503ServiceUnavailable
            ),
            _ => TypedResults.BadRequest(new ApiError(ex.Message, ex.Position?.Line, ex.Position?.Column)),
        };

    private static string? Database(RunCatalog catalog, string runId) =>
        catalog.Find(runId)?.FilePath(RunFolder.DatabaseFile) is { } path
        && catalog.IsInsideOutputRoot(path)
        && File.Exists(path)
            ? path
            : null;

    private static string CsvRow(object?[] row) =>
        string.Join(',', row.Select(v => TableBrowser.CsvField(SqlValues.Text(v)))) + "\r\n";
}
