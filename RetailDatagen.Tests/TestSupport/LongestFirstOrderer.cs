using RetailDatagen.Tests.Cli;
using RetailDatagen.Tests.Core;
using RetailDatagen.Tests.Web.Browser;
using RetailDatagen.Tests.Web.Downloads;
using RetailDatagen.Tests.Web.Pages;
using RetailDatagen.Tests.Web.Runs;
using RetailDatagen.Tests.Web.Workbench;
using Xunit.Sdk;
using Xunit.v3;

namespace RetailDatagen.Tests.TestSupport;

/// <summary>
/// Starts the longest test classes first. Each class is a collection that holds one of the (processor count) parallel
/// slots until its last test ends, so a long class that starts late finishes alone while the other core idles; in
/// the default (hash) order the accessibility scans often started last and ran 20 s alone. The first two do not read
/// the shared <see cref="SmallDataset"/>, so they run while it is generated (the second is many short bUnit tests: a
/// single long test there, such as uniqueness at 500,000 customers, took 9.5 s instead of 5 s beside the generation).
/// Classes not listed keep xUnit's default order after these.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    // Longest first, from the durations in a full run's trx on the 2-core machine; a stale entry costs only time.
    private static readonly Type[] Longest =
    [
        typeof(EndToEndTests),
        typeof(ConfigurePageTests),
        typeof(AccessibilityTests),
        typeof(PhoneAccessibilityTests),
        typeof(RealismTests),
        typeof(UniquenessAtScaleTests),
        typeof(SqlConsoleTests),
        typeof(CliProcessTests),
        typeof(DownloadEndpointsTests),
        typeof(DownloadSafetyTests),
        typeof(DamagedRunTests),
        typeof(OverviewAndQualityTests),
    ];

    private static readonly Dictionary<string, int> Rank = Longest
        .Select((type, index) => (Name: CollectionAttribute.GetCollectionNameForType(type), index))
        .ToDictionary(x => x.Name, x => x.index, StringComparer.Ordinal);

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(
        IReadOnlyCollection<TTestCollection> testCollections
    )
        where TTestCollection : ITestCollection =>
        [
            .. DefaultTestCollectionOrderer
                .Instance.OrderTestCollections(testCollections)
                .OrderBy(c => Rank.GetValueOrDefault(c.TestCollectionDisplayName, int.MaxValue)),
        ];
}
