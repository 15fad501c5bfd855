using System.Runtime.CompilerServices;
using Bunit;

namespace RetailDatagen.Tests.TestSupport;

internal static class BunitDefaults
{
    /// <summary>
    /// bUnit's "wait for" helpers give up after one second by default, which a full test run on a busy two-core
    /// machine can exceed while a page loads its data; a passing wait returns as soon as its condition holds.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
