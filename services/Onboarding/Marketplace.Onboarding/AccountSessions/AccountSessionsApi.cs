using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Objects;
using Marketplace.Onboarding.AccountLinks;
using Marketplace.Onboarding.Accounts;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Onboarding.AccountSessions;

/// <summary>
/// <c>POST /v1/account_sessions</c>: a client secret that opens one of the platform's accounts in embedded components
/// on the platform's own page until it expires. The component offered is <c>account_onboarding</c>: the onboarding
/// form, framed at <c>/connect/onboarding/embedded/{client_secret}</c>; other components are unknown parameters.
/// </summary>
public static class AccountSessionsApi
{
    static readonly FormParameter[] CreateParameters =
    [
        new("account", "The connected account the components show.", Required: true),
        new("components", "account_onboarding[enabled], and [features][external_account_collection] (default true), [features][disable_stripe_user_authentication].", Required: true),
    ];

    public static IEndpointRouteBuilder MapAccountSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/account_sessions", CreateAsync).WithTags("account_sessions").WithSummary("Create an account session")
            .WithParameters(CreateParameters);
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var accountId = parameters.GetRequiredString("account", 100);
        var onboarding = ReadOnboarding(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (!onboarding.Enabled)
        {
            return StripeError.InvalidRequest("At least one component must be enabled: components[account_onboarding][enabled]=true.", "components").ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AccountStore.FindAsync(connection, context, accountId, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        var created = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var expiresAt = created + options.Value.AccountSessionLifetime;
        var clientSecret = $"accs_secret__{AccountLinkStore.NewToken()}";
        await AccountSessionStore.InsertAsync(connection, clientSecret, accountId, context.PlatformId, onboarding, created, expiresAt, cancellationToken);
        return StripeJson.Result(new AccountSession
        {
            Account = accountId,
            ClientSecret = clientSecret,
            Components = new AccountSessionComponents(onboarding),
            ExpiresAt = expiresAt,
        });
    }

    /// <summary><c>components[account_onboarding]</c>, whose <c>enabled</c> Stripe requires once the component is named.</summary>
    static AccountOnboardingComponent ReadOnboarding(ParameterReader parameters)
    {
        var components = parameters.Has("components") ? parameters.GetObject("components") : Missing(parameters, "components");
        var onboarding = components?.GetObject("account_onboarding");
        var enabled = onboarding is not null && (onboarding.Has("enabled") ? onboarding.GetBoolean("enabled") == true : Missing(onboarding, "enabled") is not null);
        var features = onboarding?.GetObject("features");
        return new AccountOnboardingComponent(enabled, new AccountOnboardingFeatures(
            features?.GetBoolean("disable_stripe_user_authentication") ?? false,
            features?.GetBoolean("external_account_collection") ?? true));
    }

    static ParameterReader? Missing(ParameterReader parameters, string name)
    {
        parameters.Fail(ParameterErrors.Missing(parameters.PathOf(name)));
        return null;
    }
}
