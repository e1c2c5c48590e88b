using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Marketplace.Api.Expansion;
using Marketplace.Api.Objects;
using Marketplace.Payments.Customers;
using Marketplace.Payments.Mandates;
using Marketplace.Payments.PaymentMethods;
using Npgsql;

namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// A setup intent's expandable references, as Stripe allows them: <c>payment_method</c>, <c>customer</c> and
/// <c>mandate</c> are written as their objects when <c>expand[]</c> asks; the others are always null here. Only responses are expanded: events
/// carry ids, as Stripe's do.
/// </summary>
internal static class SetupIntentExpansion
{
    public static readonly FrozenSet<string> Expandable = FrozenSet.Create(
        StringComparer.Ordinal, "application", "customer", "latest_attempt", "mandate", "on_behalf_of", "payment_method", "single_use_mandate");

    /// <param name="pagesBaseUrl">The public address of the hosted pages, which an expanded mandate's page is on.</param>
    public static async Task<string> RenderAsync(
        NpgsqlDataSource dataSource, Uri pagesBaseUrl, string accountId, string json, ExpansionTree expand, CancellationToken cancellationToken)
    {
        if (expand.IsEmpty)
        {
            return json;
        }

        var intent = JsonNode.Parse(json)!.AsObject();
        await ExpandAsync(dataSource, pagesBaseUrl, accountId, intent, expand, cancellationToken);
        return intent.ToJsonString();
    }

    /// <summary>The same for every intent of a list page (<c>expand[]=data.payment_method</c>).</summary>
    public static async Task<string> RenderPageAsync(
        NpgsqlDataSource dataSource, Uri pagesBaseUrl, string accountId, string json, ExpansionTree expand, CancellationToken cancellationToken)
    {
        var page = JsonNode.Parse(json)!.AsObject();
        foreach (var intent in page["data"]!.AsArray())
        {
            await ExpandAsync(dataSource, pagesBaseUrl, accountId, intent!.AsObject(), expand, cancellationToken);
        }

        return page.ToJsonString();
    }

    static async Task ExpandAsync(
        NpgsqlDataSource dataSource, Uri pagesBaseUrl, string accountId, JsonObject intent, ExpansionTree expand, CancellationToken cancellationToken)
    {
        if (expand.Contains("payment_method") && intent["payment_method"]?.GetValue<string>() is { } methodId
            && await PaymentMethodStore.FindAsync(dataSource, accountId, methodId, cancellationToken) is { } method)
        {
            intent["payment_method"] = JsonNode.Parse(StripeJson.Serialize(method));
        }

        if (expand.Contains("customer") && intent["customer"]?.GetValue<string>() is { } customerId
            && await CustomerStore.FindAsync(dataSource, accountId, customerId, cancellationToken) is { } customer)
        {
            intent["customer"] = JsonNode.Parse(StripeJson.Serialize(customer));
        }

        if (expand.Contains("mandate") && intent["mandate"]?.GetValue<string>() is { } mandateId
            && await MandateStore.FindAsync(dataSource, accountId, mandateId, cancellationToken) is { } mandate)
        {
            intent["mandate"] = JsonNode.Parse(StripeJson.Serialize(mandate.ToMandate(pagesBaseUrl)));
        }
    }
}
