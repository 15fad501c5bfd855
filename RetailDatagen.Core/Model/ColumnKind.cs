namespace RetailDatagen.Core.Model;

/// <summary>How a column's value is stored and written as text.</summary>
public enum ColumnKind
{
    Integer,
    NullableInteger,
    Text,
    NullableText,
    Money,
    Coordinate,
    Boolean,
    Date,
    Timestamp,
}

internal sealed class ColumnKindRecorder : IFieldWriter
{
    private readonly List<ColumnKind> _kinds = [];

    public static IReadOnlyList<ColumnKind> Record(IRow prototype)
    {
        var recorder = new ColumnKindRecorder();
        prototype.WriteTo(recorder);
        return recorder._kinds;
    }

    public void Integer(long value) => _kinds.Add(ColumnKind.Integer);

    public void NullableInteger(long? value) => _kinds.Add(ColumnKind.NullableInteger);

    public void Text(string value) => _kinds.Add(ColumnKind.Text);

    public void NullableText(string? value) => _kinds.Add(ColumnKind.NullableText);

    public void Money(double value) => _kinds.Add(ColumnKind.Money);

    public void Coordinate(double value) => _kinds.Add(ColumnKind.Coordinate);

    public void Boolean(bool value) => _kinds.Add(ColumnKind.Boolean);

    public void Date(DateOnly value) => _kinds.Add(ColumnKind.Date);

    public void Timestamp(DateTime value) => _kinds.Add(ColumnKind.Timestamp);
}
