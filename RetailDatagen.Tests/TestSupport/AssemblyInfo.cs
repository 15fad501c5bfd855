using RetailDatagen.Tests.TestSupport;

// One small dataset for the whole test assembly: generated once, in the background, read by core and web tests alike.
[assembly: AssemblyFixture(typeof(SmallDataset))]

[assembly: TestCollectionOrderer(typeof(LongestFirstOrderer))]
