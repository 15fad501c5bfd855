using System.Text.Json;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Web.Components.Pages.Configure;

/// <summary>A configuration file's problems in plain words: where (line, option) and what is wrong, never a parser's
/// internals.</summary>
public static class ConfigFileErrors
{
    public static IReadOnlyList<string> Describe(string json, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(errors);
        return [.. errors.Select(e => Describe(json, e)).Distinct(StringComparer.Ordinal)];
    }

    private static string Describe(string json, ValidationError error)
    {
        if (error.Field == "file")
        {
            return SyntaxError(json) ?? error.Message;
        }

        var line = LineOf(json, error.Field);
        var where = line is null ? "" : $"Line {line}: ";
        var label = FieldMessages.Label(error.Field);
        var name = label == error.Field ? $"\"{error.Field}\"" : $"\"{error.Field}\" ({label})";
        // An unknown option keeps the names a file must use.
        var message = error.Message.StartsWith("Unknown option", StringComparison.Ordinal)
            ? error.Message
            : FieldMessages.Humanize(error.Message);
        return message.StartsWith(label, StringComparison.OrdinalIgnoreCase)
            ? $"{where}{name}{message[label.Length..]}"
            : $"{where}{name}: {message}";
    }

    /// <summary>Where the JSON stops being JSON, counted from 1 as editors do.</summary>
    private static string? SyntaxError(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(
                json,
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }
            );
            return null;
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return $"Line {line}, character {column}: the file is not valid JSON there (look for a missing quote, "
                + "comma, colon or brace). "
                + "A configuration file is an object such as { \"preset\": \"small\", \"seed\": 42 }.";
        }
    }

    private static int? LineOf(string json, string field)
    {
        var at = json.IndexOf($"\"{field}\"", StringComparison.Ordinal);
        return at < 0 ? null : json.AsSpan(0, at).Count('\n') + 1;
    }
}
