using CsvHelper;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Sinks;

/// <summary>Writes one table to its CSV file: UTF-8, header row, invariant culture, RFC 4180 quoting.</summary>
public sealed class CsvTableSink : FieldWriter, IDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        TrueValue = TextFormats.True,
        FalseValue = TextFormats.False,
        BufferSize = 256 * 1024,
    };

    private readonly CsvWriter _writer;
    private readonly TextFormats.TimestampCache _timestamps = new();

    public CsvTableSink(string path, TableInfo table)
    {
        _writer = CsvWriter.ToFile(path, Options, FileOptions.SequentialScan);
        _writer.WriteHeader([.. table.Columns]);
    }

    public void Write(IRow row)
    {
        row.WriteTo(this);
        _writer.EndRecord();
    }

    public override void Integer(long value) => _writer.WriteField(value, default);

    public override void NullableInteger(long? value) => _writer.WriteField(value, default);

    public override void Text(string value) => _writer.WriteField(value);

    public override void NullableText(string? value) => _writer.WriteField(value);

    public override void Money(double value)
    {
        Span<char> text = stackalloc char[TextFormats.MoneyMaxLength];
        _writer.WriteField(text[..TextFormats.FormatMoney(value, text)]);
    }

    public override void Coordinate(double value) => _writer.WriteField(value, TextFormats.Coordinate);

    public override void Boolean(bool value) => _writer.WriteField(value);

    public override void Date(DateOnly value) => _writer.WriteField(value, TextFormats.Date);

    public override void Timestamp(DateTime value) => _writer.WriteField(_timestamps.Format(value));

    public void Dispose()
    {
        _writer.Flush();
        _writer.Dispose();
    }
}
