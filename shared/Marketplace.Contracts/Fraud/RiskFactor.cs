namespace Marketplace.Contracts.Fraud;

/// <summary>One reason for a risk score: its name (<c>card_ip_country_mismatch</c>…), its points, and the evidence.</summary>
public sealed record RiskFactor
{
    public required string Name { get; init; }

    /// <summary>Points added to the score; negative for what lowers it (3D Secure).</summary>
    public required int Contribution { get; init; }

    public required string Detail { get; init; }
}
