namespace Marketplace.Onboarding.Accounts;

/// <summary>Stripe's <c>tos_acceptance</c>: when, from where and by whom the terms were accepted.</summary>
public sealed record TosAcceptance
{
    public DateTimeOffset? Date { get; init; }

    public string? Ip { get; init; }

    /// <summary><c>full</c> or <c>recipient</c>.</summary>
    public string? ServiceAgreement { get; init; }

    public string? UserAgent { get; init; }
}
