using System.Globalization;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Pages.Configure;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.Pages;

public sealed class ConfigurePageTests : MudTestContext
{
    [Theory]
    [InlineData("small")]
    [InlineData("standard")]
    public void PickingAPreset_FillsEveryFieldWithThePresetsValues(string name)
    {
        Presets.TryGet(name, out var preset);
        var page = Render<ConfigurePage>();
        PickPreset(page, name == "small" ? "standard" : "small");

        PickPreset(page, name);

        foreach (var field in OptionCatalog.Fields)
        {
            Assert.Equal(
                field.Get(preset).ToString(CultureInfo.InvariantCulture),
                Field(page, field.Name).GetAttribute("value")
            );
        }

        Assert.Equal(name, SelectedPreset(page));
    }

    [Fact]
    public void EditingTheShape_MakesThePresetCustom_AndASeedDoesNot()
    {
        var page = Render<ConfigurePage>();
        PickPreset(page, "small");

        Field(page, "seed").Input("77");
        Assert.Equal("small", SelectedPreset(page));

        Field(page, "customers").Input("12345");
        Assert.Equal("custom", SelectedPreset(page));
    }

    public static TheoryData<string[]> BadValues()
    {
        var data = new TheoryData<string[]>();
        foreach (var field in OptionCatalog.Fields)
        {
            data.Add([field.Name, (field.Min - 1).ToString(CultureInfo.InvariantCulture)]);
            data.Add([field.Name, (field.Max + 1).ToString(CultureInfo.InvariantCulture)]);
        }

        data.Add(["distributionCenters", "150"]);
        data.Add(["dcInventoryMax", "10"]);
        data.Add(["storeInventoryMax", "2"]);
        data.Add(["dcReorderPointMax", "10"]);
        data.Add(["storeReorderPointMax", "0"]);
        data.Add(["stores", "5000", "products", "20000"]);
        data.Add(["refrigeratedTrucks", "0", "nonRefrigeratedTrucks", "0"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void BadValue_ShowsAMessageAtTheFieldAndBlocksGenerate(string[] edits)
    {
        var expectedOptions = Presets.Small;
        var page = Render<ConfigurePage>();

        for (var i = 0; i < edits.Length; i += 2)
        {
            expectedOptions = OptionCatalog
                .Find(edits[i])!
                .Set(expectedOptions, long.Parse(edits[i + 1], CultureInfo.InvariantCulture));
            Field(page, edits[i]).Input(edits[i + 1]);
        }

        var errors = OptionsValidator.Validate(expectedOptions);
        Assert.NotEmpty(errors);
        var summary = page.Find("[data-testid=validation-summary]").TextContent;
        foreach (var (field, message) in FieldMessages.ByField(expectedOptions, errors))
        {
            Assert.Equal("true", Field(page, field).GetAttribute("aria-invalid"));
            Assert.Contains(message, page.Markup, StringComparison.Ordinal);
            Assert.DoesNotMatch(
                @"\b(storeCloseHour|storeOpenHour|distributionCenters|[a-z]+[A-Z][a-z]+Weight)\b",
                message
            );
        }

        Assert.All(
            FieldMessages.Summary(expectedOptions, errors),
            m => Assert.Contains(m, summary, StringComparison.Ordinal)
        );
        Assert.True(page.Find("[data-testid=generate]").HasAttribute("disabled"));
        Assert.Contains("Fix", page.Find("[data-testid=generate-blocked]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Coordinator.Started);
    }

    [Theory]
    [InlineData("customers", "0", "Customers must be between 1 and 10,000,000 (got 0).")]
    [InlineData("stores", "6000", "Stores must be between 1 and 5,000 (got 6,000).")]
    public void FieldError_StaysAfterTheFieldLosesFocus_WithTheHumanLabel(string field, string value, string message)
    {
        var page = Render<ConfigurePage>();

        Field(page, field).Input(value);
        Field(page, field).Blur();

        Assert.Equal("true", Field(page, field).GetAttribute("aria-invalid"));
        Assert.Contains(message, ErrorTextOf(page, field), StringComparison.Ordinal);
        Assert.Contains(message, page.Find("[data-testid=validation-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal(
            $"Fix the field marked in red first: {OptionCatalog.Find(field)!.Label}.",
            page.Find("[data-testid=generate-blocked]").TextContent.Trim()
        );
        Assert.True(page.Find("[data-testid=generate]").HasAttribute("disabled"));
    }

    [Fact]
    public void FieldError_ClearsOnlyWhenTheValueIsValidAgain()
    {
        var page = Render<ConfigurePage>();
        Field(page, "customers").Input("0");
        Field(page, "customers").Blur();

        Field(page, "customers").Input("500");
        Field(page, "customers").Blur();

        Assert.Equal("false", Field(page, "customers").GetAttribute("aria-invalid"));
        Assert.Empty(page.FindAll("[data-testid=validation-summary]"));
        Assert.False(page.Find("[data-testid=generate]").HasAttribute("disabled"));
    }

    [Fact]
    public void OpeningHourAfterClosingHour_NamesBothHoursOfThePair()
    {
        var page = Render<ConfigurePage>();

        Field(page, "storeCloseHour").Input("22");
        Field(page, "storeOpenHour").Input("23");
        Field(page, "storeOpenHour").Blur();

        Assert.Equal("true", Field(page, "storeOpenHour").GetAttribute("aria-invalid"));
        Assert.Equal("true", Field(page, "storeCloseHour").GetAttribute("aria-invalid"));
        Assert.Contains(
            "Store opening hour (23) must be earlier than the store closing hour (22).",
            ErrorTextOf(page, "storeOpenHour"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Store closing hour (22) must be later than the store opening hour (23).",
            ErrorTextOf(page, "storeCloseHour"),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            "storeCloseHour",
            page.Find("[data-testid=validation-summary]").TextContent,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void FirstVisit_OpensOnTheSmallPreset()
    {
        var page = Render<ConfigurePage>();

        Assert.Equal("small", SelectedPreset(page));
        Assert.Equal(
            Presets.Small.Customers.ToString(CultureInfo.InvariantCulture),
            Field(page, "customers").GetAttribute("value")
        );
    }

    [Fact]
    public void Estimate_ShowsTheFreeDiskAndRefusesARunThatDoesNotFit()
    {
        Disk.Free = 1024 * 1024;
        var page = Render<ConfigurePage>();

        Assert.Contains("Free disk in", page.Find("[data-testid=free-disk]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1.0 MB", page.Find("[data-testid=free-disk]").TextContent, StringComparison.Ordinal);
        Assert.Contains("does not fit", page.Find("[data-testid=disk-refused]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=generate]").HasAttribute("disabled"));
        Assert.Contains(
            "Not enough free disk",
            page.Find("[data-testid=generate-blocked]").TextContent,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Estimate_WarnsWhenTheRunBarelyFits()
    {
        var bytes = RetailDatagen.Web.Configuration.OutputEstimator.Estimate(Presets.Small).Bytes;
        Disk.Free = bytes + (bytes / 10);
        var page = Render<ConfigurePage>();

        Assert.Contains("Tight fit", page.Find("[data-testid=disk-warning]").TextContent, StringComparison.Ordinal);
        Assert.False(page.Find("[data-testid=generate]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2100-01-01")]
    public void StartDateOutOfRange_ShowsTheMessageWithItsLabel(string date)
    {
        var page = Render<ConfigurePage>();

        page.Find("[data-testid=field-startDate] input, input[data-testid=field-startDate]").Change(date);

        Assert.Contains(
            $"Start date must be between 2000-01-01 and 2099-12-31 (got {date}).",
            page.Find("[data-testid=validation-summary]").TextContent,
            StringComparison.Ordinal
        );
        Assert.True(page.Find("[data-testid=generate]").HasAttribute("disabled"));
    }

    [Fact]
    public void Estimate_ShowsThePlannedRowsOfEveryTableAndTheirTotal()
    {
        var page = Render<ConfigurePage>();
        PickPreset(page, "small");
        Field(page, "customers").Input("12345");

        var planned = GenerationPipeline.PlannedRows(Presets.Small with { Customers = 12_345 });
        foreach (var table in Tables.All)
        {
            var cells = page.FindAll($"[data-testid=estimate-{table.Name}] td");
            Assert.Equal(planned[table.Name].ToString("N0", CultureInfo.InvariantCulture), cells[1].TextContent.Trim());
        }

        Assert.Equal(
            planned.Values.Sum().ToString("N0", CultureInfo.InvariantCulture),
            page.Find("[data-testid=estimate-total-rows]").TextContent.Trim()
        );
        Assert.Matches(@"^≈ \d+(\.\d)? MB$", page.Find("[data-testid=estimate-total-size]").TextContent.Trim());
    }

    [Fact]
    public void Generate_ValidOptions_StartsThoseOptionsAndOpensTheRunPage()
    {
        var page = Render<ConfigurePage>();
        PickPreset(page, "small");
        Field(page, "seed").Input("31337");

        page.Find("[data-testid=generate]").Click();

        Assert.Equal(Presets.Small with { Seed = 31_337 }, Coordinator.Started.Single());
        Assert.EndsWith(
            "/runs/20250101-120000-abcd",
            Services.GetRequiredService<NavigationManager>().Uri,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void HolidayClosingAndRetailerProfile_AreOptionsOfTheRun()
    {
        var page = Render<ConfigurePage>();
        PickPreset(page, "small");

        Assert.Contains(
            "Supercenter (grocery-anchored)",
            page.Find("[data-testid=field-profile]").OuterHtml,
            StringComparison.Ordinal
        );
        var closing = page.Find("[data-testid=field-closedOnHolidays]");
        (closing.TagName == "INPUT" ? closing : closing.QuerySelector("input")!).Change(false);
        page.Find("[data-testid=generate]").Click();

        Assert.Equal(
            Presets.Small with
            {
                ClosedOnHolidays = false,
                Preset = "custom",
            },
            Coordinator.Started.Single() with
            {
                Preset = "custom",
            }
        );
    }

    [Fact]
    public void Generate_RefusedByTheServer_ShowsWhyAndStaysOnThePage()
    {
        Coordinator.NextResult = StartResult.Refused([new ValidationError("run", "8 runs are already waiting.")]);
        var page = Render<ConfigurePage>();

        page.Find("[data-testid=generate]").Click();

        Assert.Contains(
            "8 runs are already waiting.",
            page.Find("[data-testid=validation-summary]").TextContent,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("/runs/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void NewRandomSeed_ChangesTheSeedWithinItsRange()
    {
        var page = Render<ConfigurePage>();
        var seeds = new HashSet<long>();

        for (var i = 0; i < 3; i++)
        {
            page.Find("[data-testid=random-seed]").Click();
            seeds.Add(long.Parse(Field(page, "seed").GetAttribute("value")!, CultureInfo.InvariantCulture));
        }

        Assert.True(seeds.Count > 1, "Three random seeds were all equal.");
        Assert.All(seeds, s => Assert.InRange(s, 0, OptionCatalog.MaxSeed));
    }

    [Fact]
    public void SaveConfiguration_LinksToTheOptionsAsJson()
    {
        var page = Render<ConfigurePage>();
        PickPreset(page, "small");
        Field(page, "customers").Input("4321");

        var link = page.Find("[data-testid=save-config]");
        var href = link.GetAttribute("href")!;

        Assert.StartsWith("data:application/json;base64,", href, StringComparison.Ordinal);
        Assert.True(
            OptionsJson.TryParse(
                Encoding.UTF8.GetString(
                    Convert.FromBase64String(href[(href.IndexOf(',', StringComparison.Ordinal) + 1)..])
                ),
                out var saved,
                out _
            )
        );
        Assert.Equal(4_321, saved.Customers);
        Assert.EndsWith(".json", link.GetAttribute("download"), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadConfiguration_GoodFile_FillsTheFields()
    {
        var page = Render<ConfigurePage>();

        Upload(page, """{ "preset": "small", "customers": 2222, "seed": 5 }""");

        page.WaitForAssertion(() => Assert.Equal("2222", Field(page, "customers").GetAttribute("value")));
        Assert.Equal("5", Field(page, "seed").GetAttribute("value"));
        Assert.Equal(
            Presets.Small.Stores.ToString(CultureInfo.InvariantCulture),
            Field(page, "stores").GetAttribute("value")
        );
        Assert.Equal("custom", SelectedPreset(page));
        Assert.Contains("config.json", page.Find("[data-testid=load-ok]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "Line 1, character 3: the file is not valid JSON there")]
    [InlineData(
        "{\n  \"seed\": 4,\n  \"customers\": 0\n}",
        "Line 3: \"customers\" (Customers) must be between 1 and 10,000,000 (got 0)."
    )]
    [InlineData("""{ "customers": "many" }""", "Line 1: \"customers\" (Customers) must be a whole number")]
    [InlineData("""{ "colour": "blue" }""", "Line 1: \"colour\": Unknown option 'colour'")]
    [InlineData("[1, 2]", "must be a JSON object")]
    public void LoadConfiguration_BadFile_SaysWhyAndChangesNothing(string json, string expected)
    {
        var page = Render<ConfigurePage>();
        PickPreset(page, "small");
        var before = page.FindAll("input:not([type=file])").Select(i => i.GetAttribute("value")).ToList();

        Upload(page, json);

        page.WaitForAssertion(() =>
            Assert.Contains(expected, page.Find("[data-testid=load-error]").TextContent, StringComparison.Ordinal)
        );
        Assert.Contains(
            "Nothing was changed",
            page.Find("[data-testid=load-error]").TextContent,
            StringComparison.OrdinalIgnoreCase
        );
        Assert.DoesNotContain(
            "LineNumber",
            page.Find("[data-testid=load-error]").TextContent,
            StringComparison.Ordinal
        );
        Assert.Equal(before, page.FindAll("input:not([type=file])").Select(i => i.GetAttribute("value")).ToList());
        Assert.Equal("small", SelectedPreset(page));
    }

    [Fact]
    public void LoadConfiguration_TooLargeFile_IsRefusedAndChangesNothing()
    {
        var page = Render<ConfigurePage>();
        var before = Field(page, "customers").GetAttribute("value");

        Upload(page, """{ "customers": 5, "padding": " """ + new string(' ', OptionsJson.MaxFileBytes) + "\" }");

        page.WaitForAssertion(() =>
            Assert.Contains(
                "at most 64 KB",
                page.Find("[data-testid=load-error]").TextContent,
                StringComparison.Ordinal
            )
        );
        Assert.Equal(before, Field(page, "customers").GetAttribute("value"));
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ConfigurePage> page, string name) =>
        page.Find($"input[data-testid=field-{name}]");

    private static string ErrorTextOf(IRenderedComponent<ConfigurePage> page, string name) =>
        Field(page, name).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent ?? "";

    private static void PickPreset(IRenderedComponent<ConfigurePage> page, string name) =>
        page.FindAll("[data-testid=preset] button").Single(b => b.TextContent.Trim() == name).Click();

    private static string SelectedPreset(IRenderedComponent<ConfigurePage> page) =>
        page.FindAll("[data-testid=preset] button")
            .Single(b => b.ClassList.Contains("mud-toggle-item-selected"))
            .TextContent.Trim();

    private static void Upload(IRenderedComponent<ConfigurePage> page, string json) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "config.json"));
}
