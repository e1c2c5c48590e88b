namespace Marketplace.Onboarding.Verification;

/// <summary>The saga asks for the sanctions screening of the account holder and every person.</summary>
public sealed record ScreenSanctions
{
    public static readonly Uri Address = new("exchange:onboarding-screen-sanctions");

    public required string AccountId { get; init; }
}
