using System.Globalization;
using System.Text.RegularExpressions;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Web.Components.Pages.Configure;

/// <summary>
/// The core's validation errors in the page's words: option names become the labels people see, and a rule
/// between two fields (opening/closing hour, min/max, truck kinds, tender weights) is shown on every field of the
/// pair, each message naming the other one.
/// </summary>
public static partial class FieldMessages
{
    private static readonly Dictionary<string, string> Labels = BuildLabels();

    /// <summary>Field name → the message shown under it; every field of a broken pair gets its own message.</summary>
    public static Dictionary<string, string> ByField(GenerationOptions options, IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            foreach (var (field, message) in Explain(options, error))
            {
                byField.TryAdd(field, message);
            }
        }

        return byField;
    }

    /// <summary>
    /// The message of one field for options holding the value being typed: the field's validation function, so
    /// MudBlazor's own validation on blur keeps the error instead of clearing it.
    /// </summary>
    public static string? For(GenerationOptions options, string field) =>
        ByField(options, OptionsValidator.Validate(options)).GetValueOrDefault(field);

    /// <summary>One sentence per error for the summary next to Generate.</summary>
    public static IEnumerable<string> Summary(GenerationOptions options, IEnumerable<ValidationError> errors) =>
        errors.Select(e => Explain(options, e).First().Message).Distinct(StringComparer.Ordinal);

    /// <summary>The label people see for an option name ("storeCloseHour" → "Store closing hour").</summary>
    public static string Label(string field) => Labels.GetValueOrDefault(field, field);

    /// <summary>Replaces every option name in a core message by its label.</summary>
    public static string Humanize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = OptionName()
            .Replace(
                message,
                m => Labels.TryGetValue(m.Value, out var label) ? (m.Index == 0 ? label : LowerFirst(label)) : m.Value
            );
        return text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private static IEnumerable<(string Field, string Message)> Explain(GenerationOptions options, ValidationError error)
    {
        switch (error.Field)
        {
            case "storeCloseHour" when options.StoreCloseHour <= options.StoreOpenHour:
                yield return (
                    "storeCloseHour",
                    $"Store closing hour ({options.StoreCloseHour}) must be later than the store opening hour "
                        + $"({options.StoreOpenHour})."
                );
                yield return (
                    "storeOpenHour",
                    $"Store opening hour ({options.StoreOpenHour}) must be earlier than the store closing hour "
                        + $"({options.StoreCloseHour})."
                );
                yield break;
            case "refrigeratedTrucks" when options.RefrigeratedTrucks + options.NonRefrigeratedTrucks < 1:
                const string fleet =
                    "Refrigerated and non-refrigerated DC trucks are both 0: every DC fleet needs at least one truck.";
                yield return ("refrigeratedTrucks", fleet);
                yield return ("nonRefrigeratedTrucks", fleet);
                yield break;
            case "tenderCreditCardWeight" when error.Message.StartsWith("The tender weights", StringComparison.Ordinal):
                const string tenders = "The four tender weights are all 0: at least one must be above 0.";
                foreach (
                    var field in (string[])
                        ["tenderCreditCardWeight", "tenderDebitCardWeight", "tenderCashWeight", "tenderMobilePayWeight"]
                )
                {
                    yield return (field, tenders);
                }

                yield break;
        }

        if (
            error.Field.EndsWith("Max", StringComparison.Ordinal)
            && OptionCatalog.Find(error.Field) is { } max
            && OptionCatalog.Find(error.Field[..^3] + "Min") is { } min
            && min.Get(options) > max.Get(options)
        )
        {
            var low = min.Get(options).ToString("N0", CultureInfo.InvariantCulture);
            var high = max.Get(options).ToString("N0", CultureInfo.InvariantCulture);
            yield return (max.Name, $"{max.Label} ({high}) must be at least {LowerFirst(min.Label)} ({low}).");
            yield return (min.Name, $"{min.Label} ({low}) must be at most {LowerFirst(max.Label)} ({high}).");
            yield break;
        }

        yield return (error.Field, Humanize(error.Message));
    }

    private static string LowerFirst(string label) =>
        label.Length > 1 && char.IsUpper(label[1]) ? label : char.ToLowerInvariant(label[0]) + label[1..];

    private static Dictionary<string, string> BuildLabels()
    {
        var labels = OptionCatalog.Fields.ToDictionary(f => f.Name, f => f.Label, StringComparer.Ordinal);
        labels["startDate"] = "Start date";
        labels["taxRate"] = "Tax rate";
        labels["format"] = "Output format";
        labels["preset"] = "Preset";
        return labels;
    }

    [GeneratedRegex(@"\b[a-z][A-Za-z]+\b")]
    private static partial Regex OptionName();
}
