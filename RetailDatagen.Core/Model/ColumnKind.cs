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

internal sealed class ColumnKindRecorder : FieldWriter
{
    private readonly List<ColumnKind> _kinds = [];

    public static IReadOnlyList<ColumnKind> Record(IRow prototype)
    {
        var recorder = new ColumnKindRecorder();
        prototype.WriteTo(recorder);
        return recorder._kinds;
    }

    public override void Integer(long value) => _kinds.Add(ColumnKind.Integer);

    public override void NullableInteger(long? value) => _kinds.Add(ColumnKind.NullableInteger);

    public override void Text(string value) => _kinds.Add(ColumnKind.Text);

    public override void NullableText(string? value) => _kinds.Add(ColumnKind.NullableText);

    public override void Money(double value) => _kinds.Add(ColumnKind.Money);

    public override void Coordinate(double value) => _kinds.Add(ColumnKind.Coordinate);

    public override void Boolean(bool value) => _kinds.Add(ColumnKind.Boolean);

    public override void Date(DateOnly value) => _kinds.Add(ColumnKind.Date);

    public override void Timestamp(DateTime value) => _kinds.Add(ColumnKind.Timestamp);
}
