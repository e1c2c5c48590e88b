using Marketplace.Api.Objects;

namespace Marketplace.Onboarding.AccountSessions;

/// <summary>
/// Stripe's <c>account_session</c> object. It has no id: the client secret is what the platform's page hands to the
/// embedded component, and it works until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record AccountSession : StripeObject
{
    protected override string TypeName => "account_session";

    public required string Account { get; init; }

    public required string ClientSecret { get; init; }

    public required AccountSessionComponents Components { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
