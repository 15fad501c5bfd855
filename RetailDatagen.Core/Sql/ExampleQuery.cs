namespace RetailDatagen.Core.Sql;

/// <summary>A retail question the console can answer with one click.</summary>
public sealed record ExampleQuery(string Id, string Title, string Question, string Sql);
