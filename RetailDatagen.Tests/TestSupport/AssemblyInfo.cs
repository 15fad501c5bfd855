using RetailDatagen.Tests.TestSupport;

// One small dataset for the whole test assembly: generated once, in the background, read by core and web tests alike.
[assembly: AssemblyFixture(typeof(SmallDataset))]

// One Playwright driver and Chromium for every browser test, started by the first one.
[assembly: AssemblyFixture(typeof(RetailDatagen.Tests.Web.Browser.SharedChromium))]

[assembly: TestCollectionOrderer(typeof(LongestFirstOrderer))]
