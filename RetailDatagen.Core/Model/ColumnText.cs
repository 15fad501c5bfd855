using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RetailDatagen.Core.Model;

/// <summary>Reads a column of <c>retail.db</c> back into the text form the CSV files and content hashes use.</summary>
public static class ColumnText
{
    /// <summary>The value's canonical text, or null for SQL NULL.</summary>
    public static string? Read(SqliteDataReader reader, int ordinal, ColumnKind kind)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return kind switch
        {
            ColumnKind.Integer or ColumnKind.NullableInteger => reader
                .GetInt64(ordinal)
                .ToString(CultureInfo.InvariantCulture),
            ColumnKind.Money => reader.GetDouble(ordinal).ToString(TextFormats.Money, CultureInfo.InvariantCulture),
            ColumnKind.Coordinate => reader
                .GetDouble(ordinal)
                .ToString(TextFormats.Coordinate, CultureInfo.InvariantCulture),
            ColumnKind.Boolean => reader.GetInt64(ordinal) != 0 ? TextFormats.True : TextFormats.False,
            _ => reader.GetString(ordinal),
        };
    }
}
