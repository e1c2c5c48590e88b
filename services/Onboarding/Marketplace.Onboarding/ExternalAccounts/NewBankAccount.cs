namespace Marketplace.Onboarding.ExternalAccounts;

/// <summary>A bank account a request adds: what it shows, without its id yet, and its full number already sealed.</summary>
public sealed record NewBankAccount(
    string Country, string Currency, string Last4, string? RoutingNumber, string Fingerprint, string SealedNumber,
    string? AccountHolderName, string? AccountHolderType, bool DefaultForCurrency, IReadOnlyDictionary<string, string> Metadata)
{
    public BankAccount ToBankAccount(string id, string accountId, bool defaultForCurrency) => new()
    {
        Id = id,
        Account = accountId,
        AccountHolderName = AccountHolderName,
        AccountHolderType = AccountHolderType,
        // Stripe's test routing number belongs to its test bank.
        BankName = RoutingNumber == "110000000" ? "STRIPE TEST BANK" : null,
        Country = Country,
        Currency = Currency,
        DefaultForCurrency = defaultForCurrency,
        Fingerprint = Fingerprint,
        Last4 = Last4,
        Metadata = Metadata,
        RoutingNumber = RoutingNumber,
    };
}
