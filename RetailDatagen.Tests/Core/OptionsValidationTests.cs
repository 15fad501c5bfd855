using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Core.Options;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class OptionsValidationTests
{
    public static TheoryData<string, string, string> InvalidCases =>
        new()
        {
            { "geographies", "0", "geographies must be between 1 and" },
            { "geographies", "100000", "geographies must be between 1 and" },
            { "stores", "0", "stores must be between 1 and 5,000" },
            { "stores", "5001", "stores must be between 1 and 5,000" },
            { "distributionCenters", "0", "distributionCenters must be between 1 and 200" },
            { "refrigeratedTrucks", "-1", "refrigeratedTrucks must be between 0 and 10,000" },
            { "nonRefrigeratedTrucks", "10001", "nonRefrigeratedTrucks must be between 0 and 10,000" },
            { "supplierRefrigeratedTrucks", "-5", "supplierRefrigeratedTrucks must be between 0 and 10,000" },
            { "supplierNonRefrigeratedTrucks", "20000", "supplierNonRefrigeratedTrucks must be between 0 and 10,000" },
            { "customers", "0", "customers must be between 1 and 10,000,000" },
            { "customers", "10000001", "customers must be between 1 and 10,000,000" },
            { "products", "0", "products must be between 1 and" },
            { "dcInventoryMin", "-1", "dcInventoryMin must be between 0 and 1,000,000" },
            { "storeInventoryMax", "1000001", "storeInventoryMax must be between 0 and 1,000,000" },
            { "seed", "-1", "seed must be between 0 and 2,147,483,647" },
            { "seed", "2147483648", "seed must be between 0 and 2,147,483,647" },
            { "batchSize", "10", "batchSize must be between 100 and 100,000" },
            { "threads", "0", "threads must be between 1 and 64" },
            { "customers", "many", "customers must be a whole number" },
            { "startDate", "2024-13-01", "startDate must be a date in the form yyyy-MM-dd" },
            { "format", "parquet", "format must be one of sqlite, csv, both" },
            { "colour", "blue", "Unknown option 'colour'" },
        };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void TrySet_RejectsOutOfRangeValues_WithAMessageNamingTheFieldAndRange(
        string name,
        string value,
        string expected
    )
    {
        var options = Presets.Small;
        var error = OptionCatalog.TrySet(ref options, name, value);

        Assert.NotNull(error);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Equal(Presets.Small, options);
    }

    public static TheoryData<string, string> CrossFieldCases =>
        new()
        {
            { "distributionCenters", "distributionCenters must be between 1 and geographies (5)" },
            { "dcInventoryMax", "dcInventoryMax must be between dcInventoryMin (600)" },
            { "storeInventoryMax", "storeInventoryMax must be between storeInventoryMin (300)" },
            { "dcReorderPointMax", "dcReorderPointMax must be between dcReorderPointMin (70)" },
            { "storeReorderPointMax", "storeReorderPointMax must be between storeReorderPointMin (9)" },
            { "refrigeratedTrucks", "refrigeratedTrucks + nonRefrigeratedTrucks must be at least 1" },
            { "stores", "stores × products must be at most 50,000,000" },
            { "geographies", "geographies must be between 1 and" },
            { "startDate", "startDate must be between 2000-01-01 and 2099-12-31" },
        };

    [Theory]
    [MemberData(nameof(CrossFieldCases))]
    public void Validate_CrossFieldRules_NameTheFieldAndItsAllowedRange(string field, string expected)
    {
        var options = field switch
        {
            "distributionCenters" => Presets.Small with { Geographies = 5, DistributionCenters = 6 },
            "dcInventoryMax" => Presets.Small with { DcInventoryMin = 600, DcInventoryMax = 500 },
            "storeInventoryMax" => Presets.Small with { StoreInventoryMin = 300, StoreInventoryMax = 200 },
            "dcReorderPointMax" => Presets.Small with { DcReorderPointMin = 70, DcReorderPointMax = 60 },
            "storeReorderPointMax" => Presets.Small with { StoreReorderPointMin = 9, StoreReorderPointMax = 8 },
            "refrigeratedTrucks" => Presets.Small with { RefrigeratedTrucks = 0, NonRefrigeratedTrucks = 0 },
            "stores" => Presets.Small with { Stores = 5_000, Products = 10_001 },
            "geographies" => Presets.Small with { Geographies = ReferenceData.Instance.Geographies.Count + 1 },
            _ => Presets.Small with { StartDate = new DateOnly(1999, 12, 31) },
        };

        var errors = OptionsValidator.Validate(options);

        Assert.Contains(errors, e => e.Field == field && e.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Presets_AreValid_AndMatchTheDocumentedCounts()
    {
        Assert.Empty(OptionsValidator.Validate(Presets.Small));
        Assert.Empty(OptionsValidator.Validate(Presets.Standard));
        Assert.Equal(
            (50, 20, 3, 6, 9, 2, 3, 10_000, 1_000),
            (
                Presets.Small.Geographies,
                Presets.Small.Stores,
                Presets.Small.DistributionCenters,
                Presets.Small.RefrigeratedTrucks,
                Presets.Small.NonRefrigeratedTrucks,
                Presets.Small.SupplierRefrigeratedTrucks,
                Presets.Small.SupplierNonRefrigeratedTrucks,
                Presets.Small.Customers,
                Presets.Small.Products
            )
        );
        var s = Presets.Standard;
        Assert.Equal(
            (100, 214, 8, 48, 48, 12, 18, 500_000, 10_000),
            (
                s.Geographies,
                s.Stores,
                s.DistributionCenters,
                s.RefrigeratedTrucks,
                s.NonRefrigeratedTrucks,
                s.SupplierRefrigeratedTrucks,
                s.SupplierNonRefrigeratedTrucks,
                s.Customers,
                s.Products
            )
        );
        Assert.Equal(
            (50, 500_000, 4, 20_000, 20, 250_000, 1, 10_000, new DateOnly(2024, 1, 1), 42L),
            (
                s.DcInventoryMin,
                s.DcInventoryMax,
                s.StoreInventoryMin,
                s.StoreInventoryMax,
                s.DcReorderPointMin,
                s.DcReorderPointMax,
                s.StoreReorderPointMin,
                s.StoreReorderPointMax,
                s.StartDate,
                s.Seed
            )
        );
    }

    [Fact]
    public async Task Pipeline_RejectsInvalidOptions_BeforeWritingAnything()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("never");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestRuns.GenerateAsync(
                Presets.Small with
                {
                    Customers = 0,
                },
                target,
                cancellationToken: TestContext.Current.CancellationToken
            )
        );

        Assert.Contains(error.Errors, e => e.Field == "customers");
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void OptionsJson_RoundTrips_AndRejectsBadFilesWithFieldMessages()
    {
        var custom = Presets.Small with
        {
            Customers = 1234,
            Seed = 77,
            Format = OutputFormat.Csv,
            StartDate = new DateOnly(2025, 3, 1),
        };
        Assert.True(OptionsJson.TryParse(OptionsJson.Serialize(custom), out var parsed, out _));
        Assert.Equal(custom, parsed);

        Assert.False(OptionsJson.TryParse("{\"customers\": -3}", out _, out var errors));
        Assert.StartsWith(
            "customers must be between 1 and 10,000,000",
            errors.Single().Message,
            StringComparison.Ordinal
        );
        Assert.False(OptionsJson.TryParse("not json", out _, out errors));
        Assert.StartsWith("The configuration is not valid JSON", errors.Single().Message, StringComparison.Ordinal);
        Assert.False(OptionsJson.TryParse("{\"distributionCenters\": 60, \"geographies\": 50}", out _, out errors));
        Assert.Equal("distributionCenters", errors.Single().Field);
    }
}

public sealed class FactOptionsValidationTests
{
    [Theory]
    [InlineData("days", "0", "days must be between 1 and 730")]
    [InlineData("days", "731", "days must be between 1 and 730")]
    [InlineData("customersPerStorePerDay", "0", "customersPerStorePerDay must be between 1 and 5,000")]
    [InlineData("onlineOrdersPerDay", "-1", "onlineOrdersPerDay must be between 0 and 1,000,000")]
    [InlineData(
        "marketingImpressionsPerDay",
        "10000001",
        "marketingImpressionsPerDay must be between 0 and 10,000,000"
    )]
    [InlineData("storeOpenHour", "24", "storeOpenHour must be between 0 and 23")]
    [InlineData("storeCloseHour", "25", "storeCloseHour must be between 1 and 24")]
    [InlineData("tenderCashWeight", "-1", "tenderCashWeight must be between 0 and 1,000")]
    [InlineData("taxRate", "0.3", "taxRate must be a fraction between 0 and 0.25")]
    [InlineData("taxRate", "abc", "taxRate must be a fraction between 0 and 0.25")]
    [InlineData("generateFacts", "maybe", "generateFacts must be true or false")]
    public void TrySet_RejectsBadFactOptions_NamingTheFieldAndRange(string name, string value, string expected)
    {
        var options = RetailDatagen.Core.Options.Presets.Small;

        var error = RetailDatagen.Core.Options.OptionCatalog.TrySet(ref options, name, value);

        Assert.NotNull(error);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RejectsClosingBeforeOpening_AndAllTenderWeightsZero()
    {
        var errors = RetailDatagen.Core.Options.OptionsValidator.Validate(
            RetailDatagen.Core.Options.Presets.Small with
            {
                StoreOpenHour = 20,
                StoreCloseHour = 9,
                TenderCashWeight = 0,
                TenderCreditCardWeight = 0,
                TenderDebitCardWeight = 0,
                TenderMobilePayWeight = 0,
            }
        );

        Assert.Contains(
            errors,
            e =>
                e.Field == "storeCloseHour"
                && e.Message.StartsWith(
                    "storeCloseHour must be between storeOpenHour + 1 (21) and 24",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            errors,
            e =>
                e.Field == "tenderCreditCardWeight"
                && e.Message.Contains("must add up to at least 1", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Presets_DefineTheDocumentedFactVolumes()
    {
        Assert.Equal(
            (14, 120),
            (
                RetailDatagen.Core.Options.Presets.Small.Days,
                RetailDatagen.Core.Options.Presets.Small.CustomersPerStorePerDay
            )
        );
        Assert.Equal(
            (28, 300),
            (
                RetailDatagen.Core.Options.Presets.Standard.Days,
                RetailDatagen.Core.Options.Presets.Standard.CustomersPerStorePerDay
            )
        );
        Assert.True(RetailDatagen.Core.Options.Presets.Standard.GenerateFacts);
    }
}
