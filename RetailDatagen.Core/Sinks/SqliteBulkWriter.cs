using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Model;
using SQLitePCL;

namespace RetailDatagen.Core.Sinks;

/// <summary>
/// Bulk loads <c>retail.db</c> on one connection inside one transaction, through prepared INSERTs of 64 rows (and of
/// one row for the rest of a batch) whose parameters are bound by ordinal on the native statement (no boxing, no
/// per-row allocation; text as UTF-8, the database's own encoding). Measured: far ahead of EF Core SaveChanges and of
/// multi-row VALUES with named parameters. Not thread-safe: one thread writes (see <see cref="SqliteWriterQueue"/>).
/// </summary>
public sealed class SqliteBulkWriter : IDisposable
{
    // KiB (negative cache sizes are KiB). Loading appends to the tables' right edges and needs little cache, and
    // the cache also bounds each index sort's memory (with two sort threads): measured on 28 days of the standard
    // preset, 256 MiB made the index build the run's peak (1.23 GB); 64 MiB keeps it below the fact stage's.
    private const int CacheKiB = -65_536;

    // A master table's sort (the customer keys: some 25 MB each) fits a 64 MiB cache and is then sorted in memory on
    // the writer thread alone; under a 4 MiB cache it spills into sorted runs that the sorter's worker thread (PRAGMA
    // threads) sorts beside the scan. Measured for the three customer keys: 1.3-1.7 s -> 0.9 s.
    private const int TableSortCacheKiB = -4_096;
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    // Rows per INSERT statement (VALUES (…), (…), …): a statement run opens its cursors and checks its transaction
    // once for all its rows. Measured on 2.14M store snapshot rows (six columns): 1.8 s one row per statement,
    // 0.9 s with 40-100; wide rows (customers) neither gain nor lose.
    private const int RowsPerInsert = 64;
    private readonly Dictionary<(string Table, int Rows), InsertStatement> _statements = [];
    private readonly Binder _binder;
    private readonly HashSet<string> _builtIndexes = new(StringComparer.Ordinal);
    private bool _completed;

    private SqliteBulkWriter(string path)
    {
        _connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Pooling = false,
                Mode = SqliteOpenMode.ReadWriteCreate,
            }.ToString()
        );
        _connection.Open();
        _db = _connection.Handle!;
        SqliteNative.EnsureSameLibrary();
        _binder = new Binder(this);

        // The file is private to a staging folder until the run succeeds, so durability comes from the final
        // rename, not from the journal: no journal, no fsync while loading.
        Execute("PRAGMA page_size = 8192");
        Execute("PRAGMA journal_mode = OFF");
        Execute("PRAGMA synchronous = OFF");
        Execute("PRAGMA locking_mode = EXCLUSIVE");
        // Index sorts larger than the cache spill to a temporary file instead of growing the process.
        Execute("PRAGMA temp_store = FILE");
        Execute($"PRAGMA cache_size = {CacheKiB}");
        // Foreign keys are verified once over the finished tables (PRAGMA foreign_key_check, before the commit)
        // rather than per insert: the per-row parent lookups cost the single writer thread as much as the check.
        Execute("PRAGMA foreign_keys = OFF");

        // Lets CREATE INDEX sort on a second core after the load.
        Execute("PRAGMA threads = 2");
        foreach (var statement in SqliteSchema.Instance.Tables)
        {
            Execute(statement);
        }

        Execute("BEGIN");
    }

    public static SqliteBulkWriter Create(string path) => new(path);

    public void Insert(TableInfo table, ReadOnlySpan<IRow> rows)
    {
        var done = 0;
        if (rows.Length >= RowsPerInsert)
        {
            var many = Statement(table, RowsPerInsert);
            for (; rows.Length - done >= RowsPerInsert; done += RowsPerInsert)
            {
                Run(many, table, rows.Slice(done, RowsPerInsert));
            }
        }

        if (done < rows.Length)
        {
            var one = Statement(table, 1);
            for (; done < rows.Length; done++)
            {
                Run(one, table, rows.Slice(done, 1));
            }
        }
    }

    private void Run(InsertStatement statement, TableInfo table, ReadOnlySpan<IRow> rows)
    {
        _binder.Use(statement);
        foreach (var row in rows)
        {
            row.WriteTo(_binder);
        }

        var rc = SqliteNative.sqlite3_step(statement.Handle);
        if (rc != raw.SQLITE_DONE)
        {
            Throw(rc, $"insert into {table.Name}");
        }

        SqliteNative.sqlite3_reset(statement.Handle);
    }

    /// <summary>
    /// Builds the secondary indexes not built yet (after the load: one sort instead of per-row maintenance),
    /// reporting the fraction built after each one.
    /// </summary>
    public void BuildIndexes(Action<double>? built = null)
    {
        var pending = Unbuilt(_ => true);
        if (pending.Count > 0)
        {
            // The generators' rows are gone by now, but the managed heap keeps its high-water mark: hand it back
            // before SQLite's sorter allocates, so the two peaks do not stack.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        BuildIndexes(pending, built);
    }

    /// <summary>
    /// Builds one table's indexes once all its rows are in: a master table's sorts then run while later tables are
    /// still being generated instead of all at the end of the run.
    /// </summary>
    public void BuildIndexes(TableInfo table)
    {
        var pending = Unbuilt(i => i.Table == table.Name);
        if (pending.Count == 0)
        {
            return;
        }

        Execute($"PRAGMA cache_size = {TableSortCacheKiB}");
        BuildIndexes(pending);
        Execute($"PRAGMA cache_size = {CacheKiB}");
    }

    /// <summary>The statements of the chosen indexes not built yet, each marked as built from here on.</summary>
    private List<string> Unbuilt(Func<SqliteIndex, bool> chosen) =>
        [.. SqliteSchema.Instance.Indexes.Where(chosen).Select(i => i.Statement).Where(_builtIndexes.Add)];

    private void BuildIndexes(List<string> pending, Action<double>? built = null)
    {
        for (var i = 0; i < pending.Count; i++)
        {
            Execute(pending[i]);
            built?.Invoke((i + 1) / (double)pending.Count);
        }
    }

    /// <summary>Rows that break a declared foreign key (<c>PRAGMA foreign_key_check</c>).</summary>
    public long ForeignKeyViolations()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check";
        using var reader = command.ExecuteReader();
        long count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    /// <summary>Records the run metadata, the quality report and the realism report, then commits.</summary>
    public void Commit(
        MetaRun run,
        IEnumerable<MetaTable> tables,
        IEnumerable<MetaQuality> quality,
        IEnumerable<Quality.RealismKpi> realism
    )
    {
        InsertRow(
            "meta_run",
            ("RunId", run.RunId),
            ("GeneratorVersion", run.GeneratorVersion),
            ("Seed", run.Seed),
            ("ConfigJson", run.ConfigJson),
            ("StartedAt", run.StartedAt),
            ("CompletedAt", run.CompletedAt),
            ("Status", run.Status)
        );
        foreach (var table in tables)
        {
            InsertRow(
                "meta_tables",
                ("TableName", table.TableName),
                ("RowCount", table.RowCount),
                ("ContentHash", table.ContentHash),
                ("GeneratedSeconds", table.GeneratedSeconds)
            );
        }

        foreach (var check in quality)
        {
            InsertRow(
                "meta_quality",
                ("Check", check.Check),
                ("Description", check.Description),
                ("Checked", check.Checked),
                ("Failed", check.Failed)
            );
        }

        foreach (var kpi in realism)
        {
            InsertRow(
                "meta_realism",
                ("Kpi", kpi.Kpi),
                ("Value", kpi.Value),
                ("Target", kpi.Target),
                ("Met", kpi.Met),
                ("Unit", kpi.Unit),
                ("Description", kpi.Description)
            );
        }

        Execute("COMMIT");
        _completed = true;
        FinalizeStatements();
        Execute("PRAGMA locking_mode = NORMAL");
        Execute("PRAGMA journal_mode = DELETE");
        Execute("PRAGMA optimize");
    }

    // The few metadata rows go through an ordinary parameterised command (column names are the model's own).
    private void InsertRow(string table, params (string Column, object Value)[] values)
    {
        using var command = _connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", values.Select(v => $"\"{v.Column}\""))}) VALUES "
            + $"({string.Join(", ", values.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"$p{i}", values[i].Value);
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        FinalizeStatements();
        if (!_completed)
        {
            // The return code is ignored on purpose: with nothing to roll back the file is deleted with its staging
            // folder.
            _ = raw.sqlite3_exec(_db, "ROLLBACK");
        }

        _connection.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private InsertStatement Statement(TableInfo table, int rows)
    {
        if (!_statements.TryGetValue((table.Name, rows), out var statement))
        {
            var width = table.Columns.Count;
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
            var values = string.Join(
                ", ",
                Enumerable
                    .Range(0, rows)
                    .Select(r => Enumerable.Range((r * width) + 1, width).Select(p => $"?{p}"))
                    .Select(parameters => $"({string.Join(", ", parameters)})")
            );
            var sql = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES {values}";
            var rc = raw.sqlite3_prepare_v2(_db, sql, out var prepared);
            if (rc != raw.SQLITE_OK)
            {
                prepared.Dispose();
                Throw(rc, $"prepare insert into {table.Name}");
            }

            statement = new InsertStatement(prepared, rows * width);
            _statements[(table.Name, rows)] = statement;
        }

        return statement;
    }

    private void FinalizeStatements()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Prepared.Dispose();
        }

        _statements.Clear();
    }

    private void Execute(string sql)
    {
        var rc = raw.sqlite3_exec(_db, sql);
        if (rc != raw.SQLITE_OK)
        {
            Throw(rc, sql);
        }
    }

    private void Throw(int rc, string what) =>
        throw new SqliteException($"SQLite error {rc} ({raw.sqlite3_errmsg(_db).utf8_to_string()}) during {what}.", rc);

    /// <summary>
    /// A table's prepared INSERT and the text last bound to each parameter: SQLite keeps bindings across resets, so a
    /// value repeated row after row (a snapshot's timestamp) is bound once.
    /// </summary>
    private sealed class InsertStatement(sqlite3_stmt prepared, int parameters)
    {
        public sqlite3_stmt Prepared => prepared;

        /// <summary>The native pointer, valid while <see cref="Prepared"/> is alive.</summary>
        public nint Handle { get; } = prepared.DangerousGetHandle();

        public string?[] BoundText { get; } = new string?[parameters + 1];

        /// <summary>The timestamp last bound to each parameter, for the same reason.</summary>
        public DateTime?[] BoundTime { get; } = new DateTime?[parameters + 1];
    }

    private sealed class Binder(SqliteBulkWriter owner) : FieldWriter
    {
        private readonly TextFormats.TimestampCache _timestamps = new();
        private byte[] _utf8 = new byte[1024];
        private nint _statement;
        private string?[] _boundText = [];
        private DateTime?[] _boundTime = [];
        private int _ordinal;

        /// <summary>Binds the next rows to the statement's parameters from the first one on.</summary>
        public void Use(InsertStatement statement)
        {
            _statement = statement.Handle;
            _boundText = statement.BoundText;
            _boundTime = statement.BoundTime;
            _ordinal = 0;
        }

        public override void Integer(long value) => Check(SqliteNative.sqlite3_bind_int64(_statement, Next(), value));

        public override void NullableInteger(long? value) =>
            Check(
                value is { } v
                    ? SqliteNative.sqlite3_bind_int64(_statement, Next(), v)
                    : SqliteNative.sqlite3_bind_null(_statement, Next())
            );

        public override void Text(string value)
        {
            var ordinal = ++_ordinal;
            if (ReferenceEquals(_boundText[ordinal], value))
            {
                return;
            }

            BindUtf8(ordinal, value);
            _boundText[ordinal] = value;
            _boundTime[ordinal] = null;
        }

        public override void NullableText(string? value)
        {
            if (value is null)
            {
                Check(SqliteNative.sqlite3_bind_null(_statement, Next()));
            }
            else
            {
                Text(value);
            }
        }

        public override void Money(double value) => Check(SqliteNative.sqlite3_bind_double(_statement, Next(), value));

        public override void Coordinate(double value) =>
            Check(SqliteNative.sqlite3_bind_double(_statement, Next(), value));

        public override void Boolean(bool value) =>
            Check(SqliteNative.sqlite3_bind_int64(_statement, Next(), value ? 1 : 0));

        public override void Date(DateOnly value)
        {
            Span<char> text = stackalloc char[10];
            value.TryFormat(text, out var written, TextFormats.Date, CultureInfo.InvariantCulture);
            BindUtf8(Next(), text[..written]);
        }

        public override void Timestamp(DateTime value)
        {
            var ordinal = ++_ordinal;
            if (_boundTime[ordinal] == value)
            {
                return;
            }

            BindUtf8(ordinal, _timestamps.Format(value));
            _boundTime[ordinal] = value;
            _boundText[ordinal] = null;
        }

        // Any other bind replaces the value SQLite holds for the parameter.
        private int Next()
        {
            var ordinal = ++_ordinal;
            _boundText[ordinal] = null;
            _boundTime[ordinal] = null;
            return ordinal;
        }

        private void BindUtf8(int ordinal, ReadOnlySpan<char> text)
        {
            var bytes = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (bytes > _utf8.Length)
            {
                _utf8 = new byte[Math.Max(bytes, _utf8.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(text, _utf8);
            // The buffer's first byte is passed even for "": a real pointer with length 0 binds an empty string, not
            // NULL.
            Check(
                SqliteNative.sqlite3_bind_text(_statement, ordinal, in _utf8[0], length, SqliteNative.Transient)
            );
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                owner.Throw(rc, $"bind parameter {_ordinal}");
            }
        }
    }
}
