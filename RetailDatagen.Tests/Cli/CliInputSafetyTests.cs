using System.Diagnostics;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Web.Cli;

namespace RetailDatagen.Tests.Cli;

/// <summary>Bad --out and --config values are refused up front (exit 2, a message naming the option), before any row is
/// generated.</summary>
public sealed class CliInputSafetyTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public static TheoryData<string, string> BadOuts() =>
        new()
        {
            { "", "--out must name a folder" },
            { "   ", "--out must name a folder" },
            { "/dev/null", "--out: '/dev/null' is a file (or a device), not a folder." },
            { "{file}", "is a file (or a device), not a folder." },
            { "{file}/below", "is a file, so" },
            { "/proc/retaildatagen-no-such/run", "--out: cannot write beside '/proc/retaildatagen-no-such/run'" },
            { "/", "--out: '/' is a root folder" },
        };

    [Theory]
    [MemberData(nameof(BadOuts))]
    public async Task Generate_WithAnUnusableOut_ExitsTwo_NamingOut_BeforeGeneratingAnything(
        string outDir,
        string expected
    )
    {
        var file = _temp.Combine("a-file.txt");
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);
        var outPath = outDir.Replace("{file}", file, StringComparison.Ordinal);

        var exit = await Run(["generate", .. TestRuns.TinyCliArguments, "--out", outPath]);

        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains(expected, _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("--out", _stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Completed", _stdout.ToString() + _stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("not a folder", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Generate_ConfigFromTheZeroDevice_StopsAt64KB()
    {
        var exit = await Run(["generate", "--config", "/dev/zero", "--out", _temp.Combine("x")]);

        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains("--config: the file is larger than 64 KB.", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_ConfigFromAFifoThatNeverEnds_StopsAt64KB()
    {
        var fifo = MakeFifo();
        var writer = Task.Run(() => WriteEndlessly(fifo), TestContext.Current.CancellationToken);

        var exit = await Run(["generate", "--config", fifo, "--out", _temp.Combine("x")]);

        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains("--config: the file is larger than 64 KB.", _stderr.ToString(), StringComparison.Ordinal);
        await writer; // ends once the reader closed the pipe
    }

    [Fact]
    public async Task Generate_ConfigFromAFifo_IsReadLikeAFile()
    {
        var fifo = MakeFifo();
        var writer = Task.Run(
            () =>
                File.WriteAllText(
                    fifo,
                    """{ "preset": "small", "customers": 300, "products": 60, "days": 1, "seed": 77, """
                        + "\"format\": \"sqlite\" }"
                ),
            TestContext.Current.CancellationToken
        );
        var dir = _temp.Combine("from-fifo");

        var exit = await Run(["generate", "--config", fifo, "--out", dir, "--quiet"]);
        await writer;

        Assert.Equal(CliApp.Success, exit);
        Assert.Equal(77, RetailDatagen.Core.Pipeline.RunManifest.TryRead(Path.Combine(dir, "manifest.json"))?.Seed);
    }

    public void Dispose()
    {
        _temp.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private string MakeFifo()
    {
        var path = _temp.Combine("config.fifo");
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    private static void WriteEndlessly(string fifo)
    {
        var chunk = new byte[4096];
        Array.Fill(chunk, (byte)' ');
        try
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            for (var i = 0; i < 1024; i++)
            {
                stream.Write(chunk); // 4 MB: far past the limit; the reader stops long before
            }
        }
        catch (IOException)
        {
            // Broken pipe: the reader stopped reading, as it should.
        }
    }

    private Task<int> Run(string[] args) =>
        CliApp.RunAsync(args, _stdout, _stderr, TestContext.Current.CancellationToken);
}
