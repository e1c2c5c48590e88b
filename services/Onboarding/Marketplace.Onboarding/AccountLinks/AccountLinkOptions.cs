namespace Marketplace.Onboarding.AccountLinks;

/// <summary><c>Onboarding:AccountLinks</c>: where the hosted pages are reached, and how long a link, its session and an account session last.</summary>
public sealed class AccountLinkOptions
{
    /// <summary>The public address in front of the hosted pages (the gateway's), which links are built on.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:8080");

    /// <summary>Stripe's links expire a few minutes after they are created.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the browser session a link opens lasts.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an account session's client secret opens its embedded components.</summary>
    public TimeSpan AccountSessionLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
