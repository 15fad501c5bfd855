using System.Runtime.InteropServices;
using SQLitePCL;

namespace RetailDatagen.Core.Sinks;

/// <summary>
/// The few SQLite calls of the bulk load's inner loop, made straight on the native statement pointer. Through
/// SQLitePCL each bind goes through the provider interface and a SafeHandle add-ref/release; at eight calls per row
/// that was a tenth of the load. The library is the one SQLitePCL itself uses (the bundle's <c>e_sqlite3</c>, checked
/// in <see cref="EnsureSameLibrary"/>), so the statement handles it prepared are valid here.
/// </summary>
internal static partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns.</summary>
    public const nint Transient = -1;

    /// <summary>Fails early and clearly if SQLitePCL was pointed at another native SQLite than the bundle's.</summary>
    public static void EnsureSameLibrary()
    {
        var name = raw.GetNativeLibraryName();
        if (name != Library)
        {
            throw new InvalidOperationException(
                $"The bulk writer needs SQLitePCL's bundled '{Library}' native library, but the provider is '{name}'."
            );
        }
    }

    [LibraryImport(Library)]
    public static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library)]
    public static partial int sqlite3_bind_double(nint statement, int index, double value);

    [LibraryImport(Library)]
    public static partial int sqlite3_bind_null(nint statement, int index);

    [LibraryImport(Library)]
    public static partial int sqlite3_bind_text(
        nint statement,
        int index,
        ref readonly byte text,
        int length,
        nint destructor
    );

    [LibraryImport(Library)]
    public static partial int sqlite3_step(nint statement);

    [LibraryImport(Library)]
    public static partial int sqlite3_reset(nint statement);
}
