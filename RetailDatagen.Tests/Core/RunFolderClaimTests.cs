using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

/// <summary>The output folder is claimed by an OS lock for the whole run, and the final move replaces only what was
/// claimed.</summary>
public sealed class RunFolderClaimTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Target => _temp.Combine("run");

    [Fact]
    public void SecondClaimOfTheSameFolder_FailsAtOnce_UntilTheFirstEnds()
    {
        using (var first = new RunFolder(Target, "a", overwrite: false))
        {
            var error = Assert.Throws<OutputFolderException>(() => new RunFolder(Target, "b", overwrite: true));
            Assert.Contains("is being written by another run", error.Message, StringComparison.Ordinal);
            Assert.True(
                Directory.Exists(first.StagingDirectory),
                "the refused claim touched the first run's staging folder"
            );
        }

        using var third = new RunFolder(Target, "c", overwrite: false);
        Assert.True(Directory.Exists(third.StagingDirectory));
    }

    [Fact]
    public async Task Commit_RefusesAFolderThatGainedFilesDuringTheRun_AndLeavesThemAlone()
    {
        using (var folder = new RunFolder(Target, "a", overwrite: false))
        {
            await File.WriteAllTextAsync(
                folder.StagedPath("manifest.json"),
                "{}",
                TestContext.Current.CancellationToken
            );
            Directory.CreateDirectory(Target);
            await File.WriteAllTextAsync(
                Path.Combine(Target, "keep.txt"),
                "mine",
                TestContext.Current.CancellationToken
            );

            var error = Assert.Throws<OutputFolderException>(folder.Commit);
            Assert.Contains("is not empty", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(Target).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path, ".staging-*"));
    }

    [Fact]
    public async Task Overwrite_ReplacesAnEarlierRunOrAnEmptyFolder_ButRefusesAnythingElse()
    {
        Directory.CreateDirectory(Target);
        await File.WriteAllTextAsync(Path.Combine(Target, "keep.txt"), "mine", TestContext.Current.CancellationToken);
        Assert.Contains(
            "--force replaces only an empty folder or an earlier run folder",
            Assert.Throws<OutputFolderException>(() => new RunFolder(Target, "a", overwrite: true)).Message,
            StringComparison.Ordinal
        );

        await File.WriteAllTextAsync(
            Path.Combine(Target, RunManifest.FileName),
            "{}",
            TestContext.Current.CancellationToken
        );
        using (var folder = new RunFolder(Target, "b", overwrite: true))
        {
            await File.WriteAllTextAsync(folder.StagedPath("new.txt"), "new", TestContext.Current.CancellationToken);
            folder.Commit();
        }

        Assert.Equal(["new.txt"], Directory.EnumerateFileSystemEntries(Target).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path, ".staging-*"));
    }

    [Fact]
    public void RemoveStale_RemovesOnlyWhatNoLiveRunHolds()
    {
        Directory.CreateDirectory(_temp.Combine(".staging-dead"));
        Directory.CreateDirectory(_temp.Combine(".staging-dead.old"));
        File.WriteAllText(_temp.Combine(".staging-orphan.lock"), "left by a killed run");
        using var live = new RunFolder(_temp.Combine("live"), "x", overwrite: false);

        var removed = RunFolder.RemoveStale(_temp.Path);

        Assert.Equal([".staging-dead", ".staging-dead.old"], removed.Order(StringComparer.Ordinal));
        Assert.Equal(
            [".staging-live", ".staging-live.lock"],
            Directory
                .EnumerateFileSystemEntries(_temp.Path, ".staging-*")
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
        );
    }

    public void Dispose() => _temp.Dispose();
}
