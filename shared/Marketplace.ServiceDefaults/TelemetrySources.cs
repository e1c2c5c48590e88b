namespace Marketplace.ServiceDefaults;

/// <summary>Names of the activity sources and meters Marketplace's own code emits.</summary>
public static class TelemetrySources
{
    public const string Marketplace = "Marketplace";
}
