using Marketplace.Api.Lists;
using Marketplace.Onboarding.ExternalAccounts;
using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// <c>GET /v1/account</c> for a platform acting as itself. Platforms are created by the operator (the gateway owns
/// them), not onboarded here, so a platform's own account is rendered as an enabled standard account whose details
/// Onboarding does not hold: US, USD, card payments and transfers active.
/// </summary>
internal static class PlatformAccount
{
    public static Account For(string platformId) => new()
    {
        Id = platformId,
        BusinessProfile = new BusinessProfile(),
        Capabilities = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["card_payments"] = "active", ["transfers"] = "active" },
        ChargesEnabled = true,
        Controller = AccountController.ForType("standard"),
        Country = "US",
        Created = DateTimeOffset.UnixEpoch,
        DefaultCurrency = "usd",
        DetailsSubmitted = true,
        ExternalAccounts = new StripeList<BankAccount>([], false, $"/v1/accounts/{platformId}/external_accounts"),
        FutureRequirements = new AccountRequirements(),
        PayoutsEnabled = true,
        Requirements = new AccountRequirements(),
        Settings = new AccountSettings(new AccountPayoutSettings { Schedule = new PayoutSchedule() }),
        TosAcceptance = new TosAcceptance(),
        Type = "standard",
    };
}
