namespace Marketplace.Onboarding.Verification;

/// <summary>The saga asks for the identity checks of the account's holders (date of birth, address, ID number, document).</summary>
public sealed record CheckIdentity
{
    /// <summary>The consumer's exchange, as the service names its endpoints (a <c>queue:</c> address would redeclare the quorum queue).</summary>
    public static readonly Uri Address = new("exchange:onboarding-check-identity");

    public required string AccountId { get; init; }
}
