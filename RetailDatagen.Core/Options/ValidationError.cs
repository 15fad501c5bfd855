namespace RetailDatagen.Core.Options;

/// <summary>A rejected option: the field's public name and a message that names it and its allowed range.</summary>
public sealed record ValidationError(string Field, string Message);
