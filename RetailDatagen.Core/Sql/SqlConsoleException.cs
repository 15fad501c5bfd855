namespace RetailDatagen.Core.Sql;

/// <summary>Why a console query did not run to the end.</summary>
public enum SqlFailure
{
    /// <summary>SQLite rejected the text (syntax, unknown table or column, a type error).</summary>
    Invalid,

    /// <summary>The statement tried to write, attach, change a setting or load an extension.</summary>
    Denied,

    /// <summary>The statement ran past the time limit and was interrupted.</summary>
    TimeLimit,

    /// <summary>Every query slot was busy.</summary>
    Busy,
}

/// <summary>A console query that failed, with a message for the analyst and, when SQLite names a token, its
/// place.</summary>
public sealed class SqlConsoleException(
    string message,
    SqlFailure failure,
    SqlPosition? position = null,
    Exception? inner = null
) : Exception(message, inner)
{
    public SqlFailure Failure { get; } = failure;

    /// <summary>Line and column (1-based) of the token SQLite complained about, when it named one.</summary>
    public SqlPosition? Position { get; } = position;
}

/// <summary>A place in the query text, 1-based.</summary>
public sealed record SqlPosition(int Line, int Column);
