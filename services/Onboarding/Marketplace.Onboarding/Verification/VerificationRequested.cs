namespace Marketplace.Onboarding.Verification;

/// <summary>
/// Every field due is in, or a field checks look at changed: the account's verification saga should check it
/// (again). Published by the API's write in the transaction that made the change. Internal to Onboarding.
/// </summary>
public sealed record VerificationRequested
{
    public required string AccountId { get; init; }
}
