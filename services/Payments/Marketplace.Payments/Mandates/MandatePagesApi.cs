using System.Text;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.PaymentMethods;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Payments.Mandates;

/// <summary>
/// The page a mandate's <c>payment_method_details[sepa_debit][url]</c> opens, <c>/payments/mandates/{token}</c>,
/// served through the gateway without an API key: the unguessable token is the credential, as for the hosted
/// authentication pages, so the address is for the payer's eyes only.
/// </summary>
public static class MandatePagesApi
{
    const string BasePath = "/payments/mandates";

    public static IEndpointRouteBuilder MapMandatePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{BasePath}/{{token}}", ShowAsync).ExcludeFromDescription();
        return endpoints;
    }

    public static Uri UrlOf(Uri pagesBaseUrl, string pageToken) => new(pagesBaseUrl, $"{BasePath.TrimStart('/')}/{pageToken}");

    static async Task<IResult> ShowAsync(
        string token, NpgsqlDataSource dataSource, IOptions<AuthenticationPageOptions> pages, CancellationToken cancellationToken)
    {
        if (await MandateStore.FindByPageTokenAsync(dataSource, token, cancellationToken) is not { } mandate
            || await PaymentMethodStore.FindAsync(dataSource, mandate.AccountId, mandate.PaymentMethodId, cancellationToken) is not { } method)
        {
            return Html(MandatePage.NotFound(), StatusCodes.Status404NotFound);
        }

        return Html(MandatePage.Show(mandate.ToMandate(pages.Value.PublicBaseUrl), method));
    }

    static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
