using Marketplace.Onboarding.Persons;

namespace Marketplace.Onboarding.Accounts;

/// <summary>An account as stored in <c>accounts.record</c>: what requests set and what verification decided.</summary>
public sealed record AccountRecord
{
    public required string Type { get; init; }

    public required AccountController Controller { get; init; }

    public required string Country { get; init; }

    public required string DefaultCurrency { get; init; }

    public string? Email { get; init; }

    public string? BusinessType { get; init; }

    /// <summary>The id the individual's person is rendered with; minted with the account.</summary>
    public required string IndividualId { get; init; }

    public PersonRecord? Individual { get; init; }

    public CompanyRecord? Company { get; init; }

    public BusinessProfile BusinessProfile { get; init; } = new();

    public TosAcceptance TosAcceptance { get; init; } = new();

    public PayoutSchedule PayoutSchedule { get; init; } = new();

    public string? PayoutStatementDescriptor { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Requested capabilities and when each was requested.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Capabilities { get; init; } = new Dictionary<string, DateTimeOffset>();

    public AccountVerification Verification { get; init; } = new();
}
