using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.AccountSessions;
using Marketplace.Onboarding.Secrets;
using Npgsql;

namespace Marketplace.Onboarding.HostedOnboarding;

/// <summary>
/// Embedded onboarding: the onboarding form inside the platform's page, in a frame whose address carries an account
/// session's client secret, <c>/connect/onboarding/embedded/{client_secret}</c> (served through the gateway without an
/// API key: the secret is the credential, until the session expires). The secret stays in the address from step to
/// step rather than in a cookie, which browsers withhold from a frame of another site. When nothing it collects is
/// due, the page says so and tells the embedding page.
/// </summary>
public static class EmbeddedOnboardingApi
{
    const string BasePath = "/connect/onboarding/embedded";

    public static IEndpointRouteBuilder MapEmbeddedOnboardingApi(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup(BasePath).ExcludeFromDescription();
        pages.MapGet("/{clientSecret}", ShowStepAsync);
        pages.MapPost("/{clientSecret}", SubmitStepAsync).DisableAntiforgery();
        return endpoints;
    }

    static async Task<IResult> ShowStepAsync(string clientSecret, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await CollectionAsync(connection, clientSecret, cancellationToken) is not { } collection
            || await AccountStore.FindAsync(connection, collection.AccountId, cancellationToken) is not { } account)
        {
            return Expired(http);
        }

        var view = await AccountView.LoadAsync(connection, null, account, cancellationToken);
        return OnboardingSteps.Render(http, view, collection, null)
            ?? OnboardingSteps.Html(HostedOnboardingPage.EmbeddedCompleted(OnboardingSteps.Locale(http, view)));
    }

    static async Task<IResult> SubmitStepAsync(
        string clientSecret, HttpContext http, NpgsqlDataSource dataSource, SecretSealer sealer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await CollectionAsync(connection, clientSecret, cancellationToken) is not { } collection)
        {
            return Expired(http);
        }

        return await OnboardingSteps.SubmitAsync(http, connection, sealer, collection, cancellationToken)
            ?? Results.Redirect($"{BasePath}/{Uri.EscapeDataString(clientSecret)}");
    }

    /// <summary>What a live session with embedded onboarding collects: everything currently due, bank account as its features say.</summary>
    static async Task<OnboardingSteps.Collection?> CollectionAsync(NpgsqlConnection connection, string clientSecret, CancellationToken cancellationToken) =>
        await AccountSessionStore.FindLiveAsync(connection, clientSecret, cancellationToken) is { OnboardingEnabled: true } session
            ? new OnboardingSteps.Collection(session.AccountId, "currently_due", session.ExternalAccountCollection)
            : null;

    static IResult Expired(HttpContext http) =>
        OnboardingSteps.Html(HostedOnboardingPage.Message(HostedText.LocaleFor(http.Request.Headers.AcceptLanguage, ""), "expired"), StatusCodes.Status404NotFound);
}
