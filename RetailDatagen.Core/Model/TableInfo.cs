namespace RetailDatagen.Core.Model;

/// <summary>A generated table's public names (SQLite table, CSV file, columns in order) and its place in the
/// plan.</summary>
public sealed record TableInfo(
    string Name,
    string CsvFile,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> KeyColumns,
    int Stage,
    string Title,
    Type RowType
)
{
    /// <summary>The CSV file name without extension, as used in download URLs.</summary>
    public string CsvStem => Path.GetFileNameWithoutExtension(CsvFile);

    /// <summary>The key order in which <c>ContentHash</c> is computed and rows are generated.</summary>
    /// <summary>How each column is typed, read off the row type itself.</summary>
    public IReadOnlyList<ColumnKind> Kinds =>
        _kinds ??= ColumnKindRecorder.Record((IRow)Activator.CreateInstance(RowType)!);

    private IReadOnlyList<ColumnKind>? _kinds;

    // Tables are identified by name (Kinds is computed lazily and must not change equality or hashing).
    public bool Equals(TableInfo? other) => other is not null && Name == other.Name;

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    public string OrderBy => string.Join(", ", KeyColumns.Select(c => $"\"{c}\""));
}
