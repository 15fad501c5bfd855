using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Sinks;

/// <summary>
/// SHA-256 over each row's fields in their CSV text form (unit separator between fields, record separator
/// after each row), in key order. The SQLite and CSV forms of a table give the same hash, and no wall-clock
/// value is part of it.
/// </summary>
public sealed class ContentHasher : FieldWriter, IDisposable
{
    private const byte FieldSeparator = 0x1F;
    private const byte RowSeparator = 0x1E;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly TextFormats.TimestampCache _timestamps = new();
    private int _length;
    private bool _firstField = true;

    public void AddRow(IRow row)
    {
        row.WriteTo(this);
        EndRow();
    }

    /// <summary>Adds one field already in its canonical text form (as read from a CSV file).</summary>
    public void AddText(ReadOnlySpan<char> text)
    {
        Separate();
        Append(text);
    }

    public void EndRow()
    {
        Ensure(1);
        _buffer[_length++] = RowSeparator;
        _firstField = true;
    }

    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override void Integer(long value)
    {
        Separate();
        Ensure(24);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    public override void NullableInteger(long? value)
    {
        if (value is { } v)
        {
            Integer(v);
        }
        else
        {
            Separate();
        }
    }

    public override void Text(string value)
    {
        Separate();
        Append(value);
    }

    public override void NullableText(string? value) => Text(value ?? "");

    public override void Money(double value)
    {
        Span<char> text = stackalloc char[TextFormats.MoneyMaxLength];
        AddText(text[..TextFormats.FormatMoney(value, text)]);
    }

    public override void Coordinate(double value) => Formatted(value, TextFormats.Coordinate);

    public override void Boolean(bool value) => Text(value ? TextFormats.True : TextFormats.False);

    public override void Date(DateOnly value)
    {
        Separate();
        Ensure(16);
        value.TryFormat(_buffer.AsSpan(_length), out var written, TextFormats.Date, CultureInfo.InvariantCulture);
        _length += written;
    }

    public override void Timestamp(DateTime value) => AddText(_timestamps.Format(value));

    public void Dispose() => _hash.Dispose();

    private void Formatted(double value, string format)
    {
        Separate();
        Ensure(64);
        value.TryFormat(_buffer.AsSpan(_length), out var written, format, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Separate()
    {
        if (_firstField)
        {
            _firstField = false;
            return;
        }

        Ensure(1);
        _buffer[_length++] = FieldSeparator;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > _buffer.Length / 2)
        {
            Flush();
            _hash.AppendData(Encoding.UTF8.GetBytes(text.ToArray()));
            return;
        }

        Ensure(max);
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_length > 0)
        {
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
        }
    }
}
