using RetailDatagen.Web.Configuration;

namespace RetailDatagen.Tests.Web.TestSupport;

/// <summary>A disk with as much free space as a test says (1 TB unless told otherwise).</summary>
public sealed class FakeDiskSpace : DiskSpace
{
    public long? Free { get; set; } = 1L << 40;

    public override long? FreeBytes(string path) => Free;
}
