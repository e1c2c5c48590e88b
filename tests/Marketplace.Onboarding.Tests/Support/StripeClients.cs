namespace Marketplace.Onboarding.Tests.Support;

static class StripeClients
{
    /// <summary>Stripe.net over a client that signs the gateway's context, one request per call (no retries).</summary>
    public static Stripe.StripeClient For(HttpClient http) => new(
        apiKey: "sk_test_x",
        httpClient: new Stripe.SystemNetHttpClient(http, maxNetworkRetries: 0),
        apiBase: http.BaseAddress!.ToString().TrimEnd('/'));
}
