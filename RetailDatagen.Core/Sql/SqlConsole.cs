using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace RetailDatagen.Core.Sql;

/// <summary>
/// Runs an analyst's SQL against a finished <c>retail.db</c>, read-only and bounded: the file is opened read-only,
/// an authorizer refuses anything but reading, a progress handler interrupts a statement past its time limit (or
/// when the caller cancels), values are capped in length, and a global semaphore caps concurrent queries.
/// </summary>
public sealed partial class SqlConsole(SqlConsoleOptions? options = null) : IDisposable
{
    // SQLite calls the progress handler every N virtual-machine steps; 4,096 steps take microseconds, so the time
    // limit and a cancellation are honoured within a millisecond at no measurable cost.
    private const int ProgressSteps = 4_096;
    private const int SqliteInterrupt = 9;
    private const int LimitLength = 0;
    private const int LimitAttached = 7;

    private readonly SemaphoreSlim _slots = new(
        Math.Max(1, (options ?? new SqlConsoleOptions()).MaxConcurrentQueries),
        Math.Max(1, (options ?? new SqlConsoleOptions()).MaxConcurrentQueries)
    );

    public SqlConsoleOptions Options { get; } = options ?? new SqlConsoleOptions();

    /// <summary>Runs a query and keeps at most <see cref="SqlConsoleOptions.MaxDisplayRows"/> rows.</summary>
    /// <exception cref="SqlConsoleException">Invalid SQL, a denied statement, the time limit, or no free
    /// slot.</exception>
    public async Task<SqlResult> RunAsync(string databasePath, string sql, CancellationToken cancellationToken)
    {
        IReadOnlyList<SqlColumn> columns = [];
        var rows = new List<object?[]>();
        var cap = Options.MaxDisplayRows;
        var summary = await ExecuteAsync(
                databasePath,
                sql,
                Options.TimeLimit,
                (c, _) =>
                {
                    columns = c;
                    return ValueTask.CompletedTask;
                },
                (row, _) =>
                {
                    if (rows.Count == cap)
                    {
                        return ValueTask.FromResult(false);
                    }

                    rows.Add(row);
                    return ValueTask.FromResult(true);
                },
                cancellationToken
            )
            .ConfigureAwait(false);
        return new SqlResult(columns, rows, summary.Truncated, summary.ElapsedMs, summary.FirstRowMs);
    }

    /// <summary>
    /// Runs a query and hands each row to <paramref name="onRow"/> as SQLite produces it (so the first rows can be
    /// shown or sent before the query completes); <paramref name="onRow"/> returns false to stop early, which marks
    /// the result truncated.
    /// </summary>
    /// <exception cref="SqlConsoleException">Invalid SQL, a denied statement, the time limit, or no free
    /// slot.</exception>
    public async Task<SqlSummary> ExecuteAsync(
        string databasePath,
        string sql,
        TimeSpan timeLimit,
        Func<IReadOnlyList<SqlColumn>, CancellationToken, ValueTask> onColumns,
        Func<object?[], CancellationToken, ValueTask<bool>> onRow,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(onColumns);
        ArgumentNullException.ThrowIfNull(onRow);
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new SqlConsoleException("Type a query first, e.g. SELECT * FROM dim_stores.", SqlFailure.Invalid);
        }

        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException("The database file does not exist.", databasePath);
        }

        // Waiting a moment smooths a burst; a longer queue would only hide an overloaded machine.
        if (!await _slots.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false))
        {
            throw new SqlConsoleException(
                $"The console already runs its limit of {Options.MaxConcurrentQueries} queries at once; try again in "
                    + "a moment.",
                SqlFailure.Busy
            );
        }

        try
        {
            return await RunBoundedAsync(databasePath, sql, timeLimit, onColumns, onRow, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private static async Task<SqlSummary> RunBoundedAsync(
        string databasePath,
        string sql,
        TimeSpan timeLimit,
        Func<IReadOnlyList<SqlColumn>, CancellationToken, ValueTask> onColumns,
        Func<object?[], CancellationToken, ValueTask<bool>> onRow,
        CancellationToken cancellationToken
    )
    {
        var clock = Stopwatch.StartNew();
        var timedOut = false;
        var authorizer = new SqlAuthorizer(sql);
        await using var connection = await OpenAsync(databasePath, cancellationToken).ConfigureAwait(false);
        var handle = connection.Handle!;
        authorizer.Attach(handle);
        raw.sqlite3_progress_handler(
            handle,
            ProgressSteps,
            _ =>
            {
                if (clock.Elapsed > timeLimit)
                {
                    timedOut = true;
                    return 1;
                }

                return cancellationToken.IsCancellationRequested ? 1 : 0;
            },
            null
        );

        double? firstRowMs = null;
        long count = 0;
        var truncated = false;
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var columns = Enumerable
                .Range(0, reader.FieldCount)
                .Select(i => new SqlColumn(reader.GetName(i), DeclaredType(reader, i)))
                .ToList();
            await onColumns(columns, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var values = new object?[columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                firstRowMs ??= clock.Elapsed.TotalMilliseconds;
                if (!await onRow(values, cancellationToken).ConfigureAwait(false))
                {
                    truncated = true;
                    break;
                }

                count++;
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteInterrupt)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new SqlConsoleException(
                $"The query ran longer than the time limit of {timeLimit.TotalSeconds:0.#} s and was stopped"
                    + (timedOut ? "." : " (interrupted)."),
                SqlFailure.TimeLimit,
                inner: ex
            );
        }
        catch (SqliteException ex) when (authorizer.Denial is not null)
        {
            throw new SqlConsoleException($"Not allowed: {authorizer.Denial}.", SqlFailure.Denied, inner: ex);
        }
        catch (SqliteException ex)
        {
            throw Invalid(sql, ex);
        }

        return new SqlSummary(count, truncated, clock.Elapsed.TotalMilliseconds, firstRowMs);
    }

    private static string? DeclaredType(SqliteDataReader reader, int ordinal)
    {
        try
        {
            return reader.GetDataTypeName(ordinal);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>SQLite's message, plus the line and column of the token it names (this SQLite has no error
    /// offset).</summary>
    internal static SqlConsoleException Invalid(string sql, SqliteException ex)
    {
        var message = ex.Message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).Trim('\'', ' ', '.');
        var token =
            NearToken().Match(message) is { Success: true } near ? near.Groups[1].Value
            : NamedToken().Match(message) is { Success: true } named ? named.Groups[1].Value
            : null;
        var position = token is null ? null : PositionOf(sql, token);
        var where = position is null ? "" : $" (line {position.Line}, column {position.Column})";
        return new SqlConsoleException(
            $"{char.ToUpperInvariant(message[0])}{message[1..]}{where}.",
            SqlFailure.Invalid,
            position,
            ex
        );
    }

    internal static SqlPosition? PositionOf(string sql, string token)
    {
        var index = sql.IndexOf(token, StringComparison.OrdinalIgnoreCase);
        if (index < 0 && token.Contains('.', StringComparison.Ordinal))
        {
            index = sql.IndexOf(token[(token.LastIndexOf('.') + 1)..], StringComparison.OrdinalIgnoreCase);
        }

        if (index < 0)
        {
            return null;
        }

        var line = 1 + sql.AsSpan(0, index).Count('\n');
        var lineStart = index == 0 ? 0 : sql.LastIndexOf('\n', index - 1) + 1;
        return new SqlPosition(line, index - lineStart + 1);
    }

    private static async Task<SqliteConnection> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        // The browser's connection: read-only, unpooled, memory-mapped.
        var connection = await Browsing.TableBrowser.OpenAsync(databasePath, cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var command = connection.CreateCommand())
            {
                // Set before the authorizer, which refuses every PRAGMA that changes a setting.
                command.CommandText = "PRAGMA query_only = 1";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // No value over 10 MB (zeroblob(1e9) would otherwise allocate a gigabyte) and no attached databases.
            raw.sqlite3_limit(connection.Handle, LimitLength, 10_000_000);
            raw.sqlite3_limit(connection.Handle, LimitAttached, 0);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [GeneratedRegex("near \"(.+?)\": syntax error")]
    private static partial Regex NearToken();

    [GeneratedRegex("no such (?:column|table|function): ([^\\s(]+)")]
    private static partial Regex NamedToken();
}
