using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Onboarding.ExternalAccounts;

/// <summary>
/// Stripe's <c>bank_account</c> as an external account of a connected account. It shows the last four digits and a
/// fingerprint; the full number is never part of it (it is sealed in its own column), so this object is safe to
/// store, return and announce as it is.
/// </summary>
public sealed record BankAccount : StripeObject
{
    protected override string TypeName => "bank_account";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required string Account { get; init; }

    public string? AccountHolderName { get; init; }

    /// <summary><c>individual</c> or <c>company</c>.</summary>
    public string? AccountHolderType { get; init; }

    public string? AccountType { get; init; }

    public IReadOnlyList<string> AvailablePayoutMethods { get; init; } = ["standard"];

    public string? BankName { get; init; }

    public required string Country { get; init; }

    public required string Currency { get; init; }

    public string? Customer { get; init; }

    public bool DefaultForCurrency { get; init; }

    public required string Fingerprint { get; init; }

    public required string Last4 { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The routing number, sort code or bank code; null for an IBAN.</summary>
    public string? RoutingNumber { get; init; }

    /// <summary><c>new</c> until a payout proves or disproves it.</summary>
    public string Status { get; init; } = "new";
}
