using RetailDatagen.Core.Options;

namespace RetailDatagen.Web.Components.Pages.Configure;

/// <summary>The options being edited in one tab; scoped, so leaving the page and coming back keeps them.</summary>
public sealed class ConfigureDraft
{
    public GenerationOptions Options { get; set; } = Presets.Small;
}
