using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Objects;
using Marketplace.Onboarding.Accounts;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Onboarding.AccountLinks;

/// <summary><c>POST /v1/account_links</c>: a single-use, expiring URL to the hosted onboarding page of one of the platform's accounts.</summary>
public static class AccountLinksApi
{
    public static IEndpointRouteBuilder MapAccountLinksApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/account_links", CreateAsync).WithTags("account_links").WithSummary("Create an account link");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AccountLinkOptions> options, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var accountId = parameters.GetRequiredString("account", 100);
        var type = parameters.GetRequiredEnum("type", "account_onboarding", "account_update");
        var refreshUrl = ReadUrl(parameters, "refresh_url");
        var returnUrl = ReadUrl(parameters, "return_url");
        var collectionOptions = parameters.GetObject("collection_options");
        var fields = collectionOptions?.GetEnum("fields", "currently_due", "eventually_due");
        collectionOptions?.GetEnum("future_requirements", "include", "omit");
        // Stripe's older spelling of collection_options[fields].
        var collect = parameters.GetEnum("collect", "currently_due", "eventually_due");
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await AccountStore.FindAsync(connection, context, accountId, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("account", accountId, "account").ToResult();
        }

        var now = DateTimeOffset.UtcNow;
        var created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expiresAt = created + options.Value.LinkLifetime;
        var token = AccountLinkStore.NewToken();
        await AccountLinkStore.InsertAsync(
            connection, token, accountId, type, fields ?? collect ?? "currently_due", refreshUrl!, returnUrl!, created, expiresAt, cancellationToken);
        return StripeJson.Result(new AccountLink
        {
            Created = created,
            ExpiresAt = expiresAt,
            Url = new Uri(options.Value.PublicBaseUrl, $"connect/onboarding/{token}").ToString(),
        });
    }

    /// <summary>An absolute http(s) URL, as Stripe requires for where the page sends the user back.</summary>
    static string? ReadUrl(ParameterReader parameters, string name)
    {
        var url = parameters.GetRequiredString(name, 2048);
        if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            parameters.Fail(StripeError.InvalidRequest($"Not a valid URL: {name} must be an absolute http or https URL.", name, "url_invalid"));
        }

        return url;
    }
}
