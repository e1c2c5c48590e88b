using Marketplace.Api.Objects;

namespace Marketplace.Onboarding.AccountLinks;

/// <summary>Stripe's <c>account_link</c>: the URL of the hosted onboarding page, usable once, until <see cref="ExpiresAt"/>.</summary>
public sealed record AccountLink : StripeObject
{
    protected override string TypeName => "account_link";

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required string Url { get; init; }
}
