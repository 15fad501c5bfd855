using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetailDatagen.Core.Options;

/// <summary>
/// Reads and writes options as JSON (camelCase names, the same names as <c>--set</c>). Reading starts from
/// the file's <c>preset</c> (standard when absent) and applies each property through the same checks as
/// <c>--set</c>, so a bad file gets a message naming the field.
/// </summary>
public static class OptionsJson
{
    public const int MaxFileBytes = 64 * 1024;

    public static JsonSerializerOptions SerializerOptions { get; } =
        new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };

    public static string Serialize(GenerationOptions options) => JsonSerializer.Serialize(options, SerializerOptions);

    /// <summary>Canonical one-line JSON of the options that shape the rows (for <c>meta_run.ConfigJson</c>).</summary>
    public static string SerializeCompact(GenerationOptions options) =>
        JsonSerializer.Serialize(options, new JsonSerializerOptions(SerializerOptions) { WriteIndented = false });

    public static bool TryParse(string json, out GenerationOptions options, out IReadOnlyList<ValidationError> errors)
    {
        options = Presets.Standard;
        var found = new List<ValidationError>();
        errors = found;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                json,
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }
            );
        }
        catch (JsonException ex)
        {
            found.Add(new("file", $"The configuration is not valid JSON: {ex.Message}"));
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                found.Add(new("file", "The configuration must be a JSON object of option names and values."));
                return false;
            }

            if (document.RootElement.TryGetProperty("preset", out var presetElement))
            {
                var presetName = presetElement.ValueKind == JsonValueKind.String ? presetElement.GetString() : null;
                if (Presets.TryGet(presetName, out var preset))
                {
                    options = preset;
                }
                else if (!string.Equals(presetName, "custom", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(new("preset", $"preset must be one of small, standard, custom (got '{presetElement}')."));
                }
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("preset"))
                {
                    continue;
                }

                var text = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? "",
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (text is null)
                {
                    found.Add(
                        new(
                            property.Name,
                            $"{property.Name} must be a number, a string or a boolean (got "
                                + $"{property.Value.ValueKind.ToString().ToLowerInvariant()})."
                        )
                    );
                    continue;
                }

                var error = OptionCatalog.TrySet(ref options, property.Name, text);
                if (error is not null)
                {
                    found.Add(new(property.Name, error));
                }
            }
        }

        if (found.Count == 0)
        {
            found.AddRange(OptionsValidator.Validate(options));
        }

        return found.Count == 0;
    }
}
