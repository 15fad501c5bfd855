using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetailDatagen.Core.Options;

/// <summary>Reads and writes dates as <c>yyyy-MM-dd</c>, whatever the culture.</summary>
public sealed class DateOnlyIsoConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new JsonException($"'{text}' is not a date in the form yyyy-MM-dd.");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
