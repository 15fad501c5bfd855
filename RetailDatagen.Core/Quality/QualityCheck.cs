namespace RetailDatagen.Core.Quality;

/// <summary>One invariant of the data contract: how many rows or groups it covered and how many broke it.</summary>
public sealed record QualityCheck(string Check, string Description, long Checked, long Failed)
{
    public bool Passed => Failed == 0;
}
