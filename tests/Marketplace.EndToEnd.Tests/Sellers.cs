using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests;

/// <summary>Connected accounts as a platform onboards them: a French individual whose every test value verifies.</summary>
public static class Sellers
{
    public const string FrenchIban = "FR1420041010050500013M02606";

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Onboards a French seller (every field, unless <paramref name="options"/> says otherwise) and waits until Onboarding has enabled its charges.</summary>
    public static async Task<Account> OnboardAsync(StripeClient stripe, AccountCreateOptions? options = null)
    {
        var account = await stripe.V1.Accounts.CreateAsync(options ?? FrenchIndividual(new DateTime(1902, 1, 1)), cancellationToken: Cancellation);
        for (var attempt = 0; attempt < 150 && !account.ChargesEnabled; attempt++)
        {
            await Task.Delay(200, Cancellation);
            account = await stripe.V1.Accounts.GetAsync(account.Id, cancellationToken: Cancellation);
        }

        Assert.True(account.ChargesEnabled, $"the seller's charges were never enabled: {account.RawJsonElement}");
        return account;
    }

    public static AccountCreateOptions FrenchIndividual(DateTime dob) => new()
    {
        Type = "custom",
        Country = "FR",
        Email = "jenny@example.com",
        BusinessType = "individual",
        Capabilities = new AccountCapabilitiesOptions
        {
            CardPayments = new AccountCapabilitiesCardPaymentsOptions { Requested = true },
            Transfers = new AccountCapabilitiesTransfersOptions { Requested = true },
        },
        Individual = new AccountIndividualOptions
        {
            FirstName = "Jenny",
            LastName = "Rosen",
            Email = "jenny@example.com",
            Phone = "+33612345678",
            Dob = new DobOptions { Day = dob.Day, Month = dob.Month, Year = dob.Year },
            Address = new AddressOptions { Line1 = "address_full_match", City = "Paris", PostalCode = "75001", Country = "FR" },
            Verification = new AccountIndividualVerificationOptions
            {
                Document = new AccountIndividualVerificationDocumentOptions { Front = "file_identity_document_success" },
            },
        },
        BusinessProfile = new AccountBusinessProfileOptions { Mcc = "5734", Url = "https://example.com" },
        TosAcceptance = new AccountTosAcceptanceOptions { Date = DateTime.UtcNow, Ip = "203.0.113.7" },
        ExternalAccount = new AccountBankAccountOptions { Country = "FR", Currency = "eur", AccountNumber = FrenchIban },
    };
}
