using System.Net;
using System.Net.Sockets;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Web.Cli;

namespace RetailDatagen.Tests.Cli;

/// <summary>The CLI and the app as real processes: real signals, real OS locks between processes, a real busy
/// port.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Parent => Directory.CreateDirectory(_temp.Combine("out")).FullName;

    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public async Task Generate_SentSigtermOrSighup_CancelsRemovesItsStagingAndExitsOne(string signal)
    {
        var target = Path.Combine(Parent, "run");
        using var cli = StartLongRun(target);
        await cli.WaitUntilAsync(
            () => Directory.Exists(Path.Combine(Parent, ".staging-run")),
            "its staging folder appeared"
        );

        cli.Signal(signal);

        Assert.Equal(CliApp.Failure, await cli.WaitForExitAsync());
        Assert.Contains("Cancelled: no output was written.", cli.StandardError, StringComparison.Ordinal);
        Assert.Empty(StagingEntries());
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Generate_KilledWithSigkill_LeavesStaging_ThatTheNextRunRemoves_ButNotALiveRunsStaging()
    {
        using (var cli = StartLongRun(Path.Combine(Parent, "killed")))
        {
            await cli.WaitUntilAsync(
                () => Directory.Exists(Path.Combine(Parent, ".staging-killed")),
                "its staging folder appeared"
            );
            cli.Signal("KILL");
            await cli.WaitForExitAsync();
        }

        Assert.True(
            Directory.Exists(Path.Combine(Parent, ".staging-killed")),
            "SIGKILL cannot be handled: the staging folder stays"
        );
        Directory.CreateDirectory(Path.Combine(Parent, ".staging-live"));
        using var live = RunLock.TryAcquire(RunLock.PathFor(Parent, "live"), "a live run");
        Assert.NotNull(live);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApp.RunAsync(
            ["generate", .. TestRuns.TinyCliArguments, "--out", Path.Combine(Parent, "next")],
            stdout,
            stderr,
            TestContext.Current.CancellationToken
        );

        Assert.Equal(CliApp.Success, exit);
        Assert.Contains("Removed .staging-killed", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Parent, ".staging-killed")));
        Assert.False(File.Exists(RunLock.PathFor(Parent, "killed")));
        Assert.True(
            Directory.Exists(Path.Combine(Parent, ".staging-live")),
            "the staging folder of a live run was removed"
        );
    }

    [Fact]
    public async Task Generate_SecondConcurrentRunIntoTheSameOut_FailsFastWithExitTwo_AndTheFirstIsUntouched()
    {
        var target = Path.Combine(Parent, "shared");
        using var first = StartLongRun(target);
        await first.WaitUntilAsync(
            () => Directory.Exists(Path.Combine(Parent, ".staging-shared")),
            "the first run claimed the folder"
        );

        using var second = AppProcess.Start(_temp.Path, "generate", "--preset", "small", "--out", target, "--quiet");
        var secondExit = await second.WaitForExitAsync();

        Assert.Equal(CliApp.InvalidInput, secondExit);
        Assert.Contains(
            $"--out: the folder '{target}' is being written by another run",
            second.StandardError,
            StringComparison.Ordinal
        );
        Assert.True(
            Directory.Exists(Path.Combine(Parent, ".staging-shared")),
            "the second run touched the first one's staging"
        );

        first.Signal("TERM");
        Assert.Equal(CliApp.Failure, await first.WaitForExitAsync());
        Assert.Empty(StagingEntries());
    }

    [Fact]
    public async Task App_OnABusyPort_SaysSoInOneLineNamingTheAddress_AndExitsTwo()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)occupant.LocalEndpoint).Port}";

        using var app = AppProcess.Start(_temp.Path, "--urls", address, "--RetailDatagen:OutputRoot=" + Parent);
        var exit = await app.WaitForExitAsync();

        Assert.Equal(2, exit);
        var line = Assert.Single(
            app.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        );
        Assert.Contains(address, line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", app.StandardOutput + app.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.StandardOutput + app.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A run long enough (the standard preset) to still be generating when the test acts on it.</summary>
    private AppProcess StartLongRun(string target) =>
        AppProcess.Start(_temp.Path, "generate", "--preset", "standard", "--threads", "1", "--out", target, "--quiet");

    private List<string> StagingEntries() => [.. Directory.EnumerateFileSystemEntries(Parent, ".staging-*")];
}
