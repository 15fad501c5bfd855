using RetailDatagen.Core.Options;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Web.Cli;

namespace RetailDatagen.Tests.Cli;

/// <summary>Help, completion and exit codes of the System.CommandLine front end.</summary>
public sealed class CliCommandLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Theory]
    [InlineData("generate", "--help")]
    [InlineData("help", "generate")]
    public async Task GenerateHelp_ListsEveryOption_AndEverySetName_AndExitsZero(params string[] args)
    {
        var exit = await Run(args);

        Assert.Equal(CliApp.Success, exit);
        var help = _stdout.ToString();
        foreach (
            var option in new[]
            {
                "--preset",
                "--config",
                "--seed",
                "--format",
                "--threads",
                "--set",
                "--out",
                "--force",
                "--quiet",
                "--help",
            }
        )
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }

        var setNames = help[help.IndexOf("Names for --set", StringComparison.Ordinal)..];
        Assert.All(OptionCatalog.AllNames, name => Assert.Contains($"  {name}", setNames, StringComparison.Ordinal));
        Assert.Contains("customers (1..10,000,000)", setNames, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootHelp_ListsTheCommandsAndTheExitCodes()
    {
        Assert.Equal(CliApp.Success, await Run("--help"));

        var help = _stdout.ToString();
        Assert.Contains("generate", help, StringComparison.Ordinal);
        Assert.Contains("bench", help, StringComparison.Ordinal);
        Assert.Contains("0 success, 1 failure or cancelled, 2 invalid input", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate --set cust", "customers=", "customersPerStorePerDay=")]
    [InlineData("generate --format ", "both", "sqlite")]
    [InlineData("generate --preset ", "small", "standard")]
    [InlineData("generate --fo", "--force", "--format")]
    public async Task Suggest_CompletesOptionsAndTheirValues(string line, string first, string second)
    {
        var exit = await Run($"[suggest:{line.Length}]", line);

        Assert.Equal(CliApp.Success, exit);
        var suggestions = _stdout
            .ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(first, suggestions);
        Assert.Contains(second, suggestions);
    }

    [Theory]
    [InlineData("generate", "--seed")]
    [InlineData("generate", "extra")]
    [InlineData("launch")]
    public async Task ParseErrors_ExitTwo_WithOneClearMessage(params string[] args)
    {
        var exit = await Run(args);

        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains("Run with --help for usage.", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(_stdout.ToString());
    }

    [Fact]
    public async Task UnexpectedFailure_IsOneLineAndExitOne_NeverAStackTrace()
    {
        // bench creates its folder first: under /proc that fails with an exception no verb expects.
        var exit = await Run("bench", "--preset", "small", "--out", "/proc/retaildatagen-no-such/bench");

        Assert.Equal(CliApp.Failure, exit);
        var line = Assert.Single(_stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Failed: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_ExitsOne_AndWritesNothing()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var dir = _temp.Combine("cancelled");

        var exit = await CliApp.RunAsync(
            ["generate", "--preset", "small", "--out", dir, "--quiet"],
            _stdout,
            _stderr,
            cancel.Token
        );

        Assert.Equal(CliApp.Failure, exit);
        Assert.Contains("Cancelled", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    public void Dispose()
    {
        _temp.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private Task<int> Run(params string[] args) =>
        CliApp.RunAsync(args, _stdout, _stderr, TestContext.Current.CancellationToken);
}
