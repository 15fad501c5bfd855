using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Configuration;

namespace RetailDatagen.Tests.Web.Configuration;

public sealed class OutputEstimatorTests(SmallDataset dataset)
{
    [Theory]
    [InlineData("small")]
    [InlineData("standard")]
    public void Estimate_Rows_AreThePlannedRowsOfEveryTable(string preset)
    {
        Presets.TryGet(preset, out var options);

        var estimate = OutputEstimator.Estimate(options);

        var planned = GenerationPipeline.PlannedRows(options);
        Assert.Equal(Tables.All.Select(t => planned[t.Name]), estimate.Tables.Select(t => t.Rows));
        Assert.Equal(planned.Values.Sum(), estimate.TotalRows);
    }

    [Fact]
    public void Estimate_Size_IsCloseToWhatTheSmallPresetReallyWrites()
    {
        var estimate = OutputEstimator.Estimate(SmallDataset.Options);

        var actual = dataset.Manifest.TotalBytes;
        Assert.InRange(estimate.Bytes, actual * 0.75, actual * 1.25);
    }

    [Fact]
    public void Estimate_Size_FollowsTheOutputFormat()
    {
        var both = OutputEstimator.Estimate(Presets.Standard with { Format = OutputFormat.Both }).Bytes;
        var sqlite = OutputEstimator.Estimate(Presets.Standard with { Format = OutputFormat.Sqlite }).Bytes;
        var csv = OutputEstimator.Estimate(Presets.Standard with { Format = OutputFormat.Csv }).Bytes;

        Assert.True(sqlite < both && csv < both, $"sqlite {sqlite}, csv {csv}, both {both}");
        Assert.InRange(sqlite + csv, both * 0.99, both * 1.01);
    }
}
