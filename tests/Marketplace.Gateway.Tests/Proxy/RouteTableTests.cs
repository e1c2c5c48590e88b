using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Gateway.RequestIds;

namespace Marketplace.Gateway.Tests.Proxy;

public sealed class RouteTableTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("GET", "/v1/accounts", "onboarding")]
    [InlineData("GET", "/v1/accounts/", "onboarding")]
    [InlineData("POST", "/v1/accounts/acct_1/persons", "onboarding")]
    [InlineData("GET", "/v1/accounts/acct_1/external_accounts?limit=3", "onboarding")]
    [InlineData("POST", "/v1/accounts/acct_1/login_links", "onboarding")]
    [InlineData("POST", "/v1/account_links", "onboarding")]
    [InlineData("POST", "/v1/account_sessions", "onboarding")]
    [InlineData("GET", "/v1/country_specs/FR", "onboarding")]
    [InlineData("GET", "/v1/identity/verification_sessions/vs_1", "onboarding")]
    [InlineData("GET", "/v1/identity/verification_reports?type=document", "onboarding")]
    [InlineData("GET", "/v1/customers?email=jenny%40example.com", "payments")]
    [InlineData("POST", "/v1/payment_methods/pm_1/attach", "payments")]
    [InlineData("GET", "/v1/payment_method_configurations", "payments")]
    [InlineData("POST", "/v1/setup_intents/seti_1/confirm", "payments")]
    [InlineData("GET", "/v1/payment_intents/pi_1?expand%5B%5D=latest_charge", "payments")]
    [InlineData("GET", "/v1/charges/ch_1/refunds", "payments")]
    [InlineData("POST", "/v1/refunds", "payments")]
    [InlineData("POST", "/v1/disputes/dp_1/close", "payments")]
    [InlineData("GET", "/v1/mandates/mandate_1", "payments")]
    [InlineData("POST", "/v1/tokens", "payments")]
    [InlineData("GET", "/v1/confirmation_tokens/ctoken_1", "payments")]
    [InlineData("GET", "/v1/radar/value_lists", "fraud")]
    [InlineData("DELETE", "/v1/radar/value_list_items/rsli_1", "fraud")]
    [InlineData("GET", "/v1/radar/early_fraud_warnings?charge=ch_1", "fraud")]
    [InlineData("POST", "/v1/reviews/prv_1/approve", "fraud")]
    [InlineData("GET", "/v1/radar/rules", "fraud")]
    [InlineData("POST", "/v1/radar/rules/test", "fraud")]
    [InlineData("GET", "/v1/balance", "ledger")]
    [InlineData("GET", "/v1/balance_transactions?limit=10&starting_after=txn_1", "ledger")]
    [InlineData("POST", "/v1/topups", "ledger")]
    [InlineData("POST", "/v1/transfers/tr_1/reversals", "ledger")]
    [InlineData("POST", "/v1/application_fees/fee_1/refunds", "ledger")]
    [InlineData("POST", "/v1/fx_quotes", "ledger")]
    [InlineData("GET", "/v1/payouts", "payouts")]
    [InlineData("POST", "/v1/payouts/po_1/cancel", "payouts")]
    [InlineData("GET", "/v1/products/prod_1", "billing")]
    [InlineData("POST", "/v1/prices", "billing")]
    [InlineData("DELETE", "/v1/subscriptions/sub_1", "billing")]
    [InlineData("GET", "/v1/subscription_items?subscription=sub_1", "billing")]
    [InlineData("POST", "/v1/invoices/in_1/finalize", "billing")]
    [InlineData("POST", "/v1/invoiceitems", "billing")]
    [InlineData("GET", "/v1/coupons", "billing")]
    [InlineData("GET", "/v1/promotion_codes?code=SPRING", "billing")]
    [InlineData("POST", "/v1/payment_links", "billing")]
    [InlineData("GET", "/v1/checkout/sessions/cs_1/line_items", "billing")]
    [InlineData("GET", "/v1/events?type=charge.succeeded", "webhooks")]
    [InlineData("POST", "/v1/webhook_endpoints/we_1", "webhooks")]
    public async Task Request_ForAResource_ReachesTheOwningServiceWithPathAndQueryUnchanged(string method, string pathAndQuery, string service)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("metadata[order_id]", "6735")]);
        }

        using var response = await client.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.Equal(service, body.GetProperty("service").GetString());
        var requestId = response.Headers.GetValues(RequestId.HeaderName).Single();
        var seen = gateway.Service(service).Received(requestId);
        Assert.NotNull(seen);
        Assert.Equal(method, seen.Method);
        Assert.Equal(pathAndQuery, seen.PathAndQuery);
    }
}
