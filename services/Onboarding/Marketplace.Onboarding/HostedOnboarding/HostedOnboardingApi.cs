using Marketplace.Onboarding.AccountLinks;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Secrets;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Onboarding.HostedOnboarding;

/// <summary>
/// The hosted onboarding page an account link opens, under <c>/connect/onboarding</c> (served through the gateway
/// without an API key: the link's token is the credential). The first visit of a link opens a browser session
/// (a cookie) and the link is spent; an expired or spent link sends the browser to <c>refresh_url</c>. Each step
/// posts the API's own parameters, applied and validated by the API's code; when nothing the link collects is
/// due any more, the browser goes to <c>return_url</c>.
/// </summary>
public static class HostedOnboardingApi
{
    const string BasePath = "/connect/onboarding";
    const string SessionCookie = "onboarding_session";

    public static IEndpointRouteBuilder MapHostedOnboardingApi(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup(BasePath).ExcludeFromDescription();
        pages.MapGet("/session", ShowStepAsync);
        pages.MapPost("/session", SubmitStepAsync).DisableAntiforgery();
        pages.MapGet("/{token}", OpenAsync);
        return endpoints;
    }

    static async Task<IResult> OpenAsync(
        string token, HttpContext http, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AccountLinkStore.FindAsync(connection, token, cancellationToken) is not { } link)
        {
            return Expired(http);
        }

        var session = AccountLinkStore.NewToken();
        var sessionExpiresAt = DateTimeOffset.UtcNow + options.Value.SessionLifetime;
        if (!await AccountLinkStore.TryOpenSessionAsync(connection, token, session, sessionExpiresAt, cancellationToken))
        {
            // Spent or expired: Stripe sends the user to refresh_url, where the platform makes a new link.
            return Results.Redirect(link.RefreshUrl);
        }

        http.Response.Cookies.Append(SessionCookie, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = BasePath,
            Expires = sessionExpiresAt,
        });
        return Results.Redirect($"{BasePath}/session");
    }

    static async Task<IResult> ShowStepAsync(HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await SessionLinkAsync(http, connection, cancellationToken) is not { } link)
        {
            return Expired(http);
        }

        if (await AccountStore.FindAsync(connection, link.AccountId, cancellationToken) is not { } account)
        {
            return OnboardingSteps.Html(HostedOnboardingPage.Message("en", "expired"), StatusCodes.Status404NotFound);
        }

        var view = await AccountView.LoadAsync(connection, null, account, cancellationToken);
        if (OnboardingSteps.Render(http, view, CollectionOf(link), null) is { } page)
        {
            return page;
        }

        await AccountLinkStore.CompleteAsync(connection, link.TokenHash, cancellationToken);
        http.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = BasePath });
        return Results.Redirect(link.ReturnUrl);
    }

    static async Task<IResult> SubmitStepAsync(
        HttpContext http, NpgsqlDataSource dataSource, SecretSealer sealer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await SessionLinkAsync(http, connection, cancellationToken) is not { } link)
        {
            return Expired(http);
        }

        return await OnboardingSteps.SubmitAsync(http, connection, sealer, CollectionOf(link), cancellationToken)
            ?? Results.Redirect($"{BasePath}/session");
    }

    /// <summary>An account link collects bank accounts too, as Stripe's hosted onboarding does.</summary>
    static OnboardingSteps.Collection CollectionOf(StoredAccountLink link) => new(link.AccountId, link.Fields, ExternalAccount: true);

    static IResult Expired(HttpContext http) =>
        OnboardingSteps.Html(HostedOnboardingPage.Message(HostedText.LocaleFor(http.Request.Headers.AcceptLanguage, ""), "expired"), StatusCodes.Status404NotFound);

    static async Task<StoredAccountLink?> SessionLinkAsync(HttpContext http, NpgsqlConnection connection, CancellationToken cancellationToken) =>
        http.Request.Cookies[SessionCookie] is { Length: > 0 } session
            ? await AccountLinkStore.FindBySessionAsync(connection, session, cancellationToken)
            : null;
}
