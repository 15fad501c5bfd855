using System.Globalization;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Core.Sinks;

namespace RetailDatagen.Core.Insights;

/// <summary>The outcome of verifying one table against the seed.</summary>
public sealed record TableVerification(string Table, long Sampled, long Mismatched, bool? HashMatches)
{
    public bool Passed => Mismatched == 0 && HashMatches != false;
}

/// <summary>
/// Checks a finished run against its certificate: regenerates a sample of rows of every master table from
/// the seed and options in the manifest and compares them field by field with <c>retail.db</c>, and
/// recomputes the content hash of the smaller tables.
/// </summary>
public static class RunVerifier
{
    public const long FullHashLimit = 200_000;

    public static IReadOnlyList<TableVerification> Verify(
        string runDirectory,
        RunManifest manifest,
        int samplePerTable = 200
    )
    {
        var plan = new MasterPlan(manifest.Options);
        var generators = GeneratorSet.Create(plan);
        using var db = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(runDirectory, RunFolder.DatabaseFile),
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        db.Open();
        var results = new List<TableVerification>();
        foreach (var generator in generators)
        {
            var table = generator.Table;
            var count = generator.RowCount;
            var sample = Math.Min(samplePerTable, count);
            long mismatched = 0;
            for (long i = 0; i < sample; i++)
            {
                var index = sample == count ? i : (long)((i + 0.5) * count / sample);
                var expected = Canonical(generator.Create(index));
                var actual = ReadRow(db, table, index, generator);
                if (!expected.SequenceEqual(actual))
                {
                    mismatched++;
                }
            }

            bool? hash = null;
            var stored = manifest.Tables.FirstOrDefault(t => t.Name == table.Name);
            if (stored is not null && stored.RowCount <= FullHashLimit)
            {
                hash = ContentHashReader.FromDatabase(db, table) == stored.ContentHash;
            }

            results.Add(new TableVerification(table.Name, sample, mismatched, hash));
        }

        foreach (
            var table in Tables.Facts.Where(t =>
                manifest.Tables.Any(m => m.Name == t.Name && m.RowCount <= FullHashLimit)
            )
        )
        {
            var stored = manifest.Tables.Single(t => t.Name == table.Name);
            results.Add(
                new TableVerification(table.Name, 0, 0, ContentHashReader.FromDatabase(db, table) == stored.ContentHash)
            );
        }

        return results;
    }

    private static List<string> Canonical(IRow row)
    {
        var recorder = new TextRecorder();
        row.WriteTo(recorder);
        return recorder.Values;
    }

    // Reads the row with the same key as the generator's row at index (ids are index + 1; snapshots are node ×
    // product).
    private static List<string> ReadRow(SqliteConnection db, TableInfo table, long index, ITableGenerator generator)
    {
        var keyValues = Canonical(generator.Create(index)).Take(table.KeyColumns.Count).ToList();
        using var command = db.CreateCommand();
        var where = string.Join(" AND ", table.KeyColumns.Select((c, i) => $"\"{c}\" = $k{i}"));
        command.CommandText =
            $"SELECT {string.Join(", ", table.Columns.Select(c => $"\"{c}\""))} FROM \"{table.Name}\" WHERE {where}";
        for (var i = 0; i < keyValues.Count; i++)
        {
            command.Parameters.AddWithValue($"$k{i}", long.Parse(keyValues[i], CultureInfo.InvariantCulture));
        }

        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return [];
        }

        var kinds = table.Kinds;
        var values = new List<string>(kinds.Count);
        for (var i = 0; i < kinds.Count; i++)
        {
            values.Add(ColumnText.Read(reader, i, kinds[i]) ?? "");
        }

        return values;
    }

    private sealed class TextRecorder : FieldWriter
    {
        public List<string> Values { get; } = [];

        public override void Integer(long value) => Values.Add(value.ToString(CultureInfo.InvariantCulture));

        public override void NullableInteger(long? value) =>
            Values.Add(value?.ToString(CultureInfo.InvariantCulture) ?? "");

        public override void Text(string value) => Values.Add(value);

        public override void NullableText(string? value) => Values.Add(value ?? "");

        public override void Money(double value) =>
            Values.Add(value.ToString(TextFormats.Money, CultureInfo.InvariantCulture));

        public override void Coordinate(double value) =>
            Values.Add(value.ToString(TextFormats.Coordinate, CultureInfo.InvariantCulture));

        public override void Boolean(bool value) => Values.Add(value ? TextFormats.True : TextFormats.False);

        public override void Date(DateOnly value) =>
            Values.Add(value.ToString(TextFormats.Date, CultureInfo.InvariantCulture));

        public override void Timestamp(DateTime value) =>
            Values.Add(value.ToString(TextFormats.Timestamp, CultureInfo.InvariantCulture));
    }
}
