using RetailDatagen.Tests.Web.TestSupport;

[assembly: AssemblyFixture(typeof(WebDataset))]
