namespace Marketplace.Payments.Processor;

/// <summary>One of Stripe's test card numbers and what it does; anything left at its default behaves as a good card.</summary>
internal sealed record TestCard(string Number)
{
    public string Country { get; init; } = "US";
    public string Funding { get; init; } = "credit";

    /// <summary>Every charge is declined with this.</summary>
    public CardDecline? Decline { get; init; }

    /// <summary>The CVC check fails when a CVC is given; with <see cref="DeclineOnCvc"/> the charge is declined too.</summary>
    public bool CvcFails { get; init; }
    public bool DeclineOnCvc { get; init; }
    public string? AddressLine1Check { get; init; }
    public string? AddressPostalCodeCheck { get; init; }
    public ThreeDSecureRequirement ThreeDSecure { get; init; } = ThreeDSecureRequirement.NotSupported;
    public string? RiskLevel { get; init; }
    public bool AlwaysBlocked { get; init; }
    public bool ChargeDeclined { get; init; }
    public CardAftermath Aftermath { get; init; } = CardAftermath.None;
}
