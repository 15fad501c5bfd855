namespace RetailDatagen.Core.Options;

/// <summary>Checks <see cref="GenerationOptions"/> against the documented bounds and cross-field rules.</summary>
public static class OptionsValidator
{
    public static IReadOnlyList<ValidationError> Validate(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ValidationError>();

        foreach (var field in OptionCatalog.Fields)
        {
            var value = field.Get(options);
            if (value < field.Min || value > field.Max)
            {
                errors.Add(
                    new(field.Name, $"{field.Name} must be between {field.Min:N0} and {field.Max:N0} (got {value:N0}).")
                );
            }
        }

        if (options.StartDate < OptionCatalog.MinStartDate || options.StartDate > OptionCatalog.MaxStartDate)
        {
            errors.Add(
                new(
                    "startDate",
                    $"startDate must be between {OptionCatalog.MinStartDate:yyyy-MM-dd} and "
                        + $"{OptionCatalog.MaxStartDate:yyyy-MM-dd} (got {options.StartDate:yyyy-MM-dd})."
                )
            );
        }

        if (!Enum.IsDefined(options.Format))
        {
            errors.Add(new("format", "format must be one of sqlite, csv, both."));
        }

        if (options.DistributionCenters > options.Geographies && options.Geographies >= 1)
        {
            errors.Add(
                new(
                    "distributionCenters",
                    $"distributionCenters must be between 1 and geographies ({options.Geographies:N0}): each DC "
                        + $"needs its own geography (got {options.DistributionCenters:N0})."
                )
            );
        }

        if (options.RefrigeratedTrucks + options.NonRefrigeratedTrucks < 1)
        {
            errors.Add(
                new(
                    "refrigeratedTrucks",
                    "refrigeratedTrucks + nonRefrigeratedTrucks must be at least 1: every DC fleet needs trucks (got "
                        + "0)."
                )
            );
        }

        if (!double.IsFinite(options.TaxRate) || options.TaxRate < 0 || options.TaxRate > OptionCatalog.MaxTaxRate)
        {
            errors.Add(
                new(
                    "taxRate",
                    $"taxRate must be a fraction between 0 and {OptionCatalog.MaxTaxRate} (got {options.TaxRate})."
                )
            );
        }

        if (options.StoreCloseHour <= options.StoreOpenHour)
        {
            errors.Add(
                new(
                    "storeCloseHour",
                    $"storeCloseHour must be between storeOpenHour + 1 ({options.StoreOpenHour + 1}) and 24 (got "
                        + $"{options.StoreCloseHour})."
                )
            );
        }

        if (
            options.TenderCreditCardWeight
                + options.TenderDebitCardWeight
                + options.TenderCashWeight
                + options.TenderMobilePayWeight
            <= 0
        )
        {
            errors.Add(
                new(
                    "tenderCreditCardWeight",
                    "The tender weights (tenderCreditCardWeight, tenderDebitCardWeight, tenderCashWeight, "
                        + "tenderMobilePayWeight) must add up to at least 1 (got 0)."
                )
            );
        }

        if (Dictionaries.RetailerProfiles.Instance.Find(options.Profile) is null)
        {
            errors.Add(
                new(
                    "profile",
                    $"profile must be one of {string.Join(", ", Dictionaries.RetailerProfiles.Instance.Names)} (got "
                        + $"'{options.Profile}')."
                )
            );
        }

        MinMax(errors, "dcInventory", options.DcInventoryMin, options.DcInventoryMax);
        MinMax(errors, "storeInventory", options.StoreInventoryMin, options.StoreInventoryMax);
        MinMax(errors, "dcReorderPoint", options.DcReorderPointMin, options.DcReorderPointMax);
        MinMax(errors, "storeReorderPoint", options.StoreReorderPointMin, options.StoreReorderPointMax);

        if (
            (long)options.Stores * options.Products > OptionCatalog.MaxStoreSnapshotRows
            && options.Stores >= 1
            && options.Products >= 1
        )
        {
            errors.Add(
                new(
                    "stores",
                    $"stores × products must be at most {OptionCatalog.MaxStoreSnapshotRows:N0} store snapshot rows "
                        + $"(got {(long)options.Stores * options.Products:N0}); lower stores or products."
                )
            );
        }

        return errors;
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when any rule fails.</summary>
    public static void EnsureValid(GenerationOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(errors);
        }
    }

    private static void MinMax(List<ValidationError> errors, string stem, int min, int max)
    {
        if (min > max)
        {
            errors.Add(
                new(
                    $"{stem}Max",
                    $"{stem}Max must be between {stem}Min ({min:N0}) and {OptionCatalog.MaxInventory:N0} (got "
                        + $"{max:N0})."
                )
            );
        }
    }
}
