using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RetailDatagen.Core.Model.Configurations;

/// <summary>Timestamps are ISO-8601 text without a zone (<see cref="TextFormats.Timestamp"/>), as in the CSV
/// files.</summary>
internal sealed class IsoTimestampConverter()
    : ValueConverter<DateTime, string>(
        d => d.ToString(TextFormats.Timestamp, CultureInfo.InvariantCulture),
        s => DateTime.ParseExact(s, TextFormats.Timestamp, CultureInfo.InvariantCulture)
    );

/// <summary>Dates are ISO-8601 text (<see cref="TextFormats.Date"/>), as in the CSV files.</summary>
internal sealed class IsoDateConverter()
    : ValueConverter<DateOnly, string>(
        d => d.ToString(TextFormats.Date, CultureInfo.InvariantCulture),
        s => DateOnly.ParseExact(s, TextFormats.Date, CultureInfo.InvariantCulture)
    );
