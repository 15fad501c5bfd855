namespace RetailDatagen.Core.Model;

/// <summary>
/// Receives one row's fields in column order. Implemented by the SQLite binder, the CSV writer and the
/// content hasher, so every output sees exactly the same values.
/// </summary>
public interface IFieldWriter
{
    void Integer(long value);

    void NullableInteger(long? value);

    void Text(string value);

    void NullableText(string? value);

    /// <summary>Money, already rounded to cents.</summary>
    void Money(double value);

    /// <summary>A coordinate with four decimals.</summary>
    void Coordinate(double value);

    void Boolean(bool value);

    void Date(DateOnly value);

    void Timestamp(DateTime value);
}

/// <summary>A generated row that can describe itself field by field.</summary>
public interface IRow
{
    void WriteTo(IFieldWriter writer);
}
