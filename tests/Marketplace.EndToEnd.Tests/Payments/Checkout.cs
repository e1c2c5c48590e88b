using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>How the tests pay: a platform of their own with Stripe.net, a seller when they need one, and balances read back.</summary>
public static class Checkout
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A new platform, and a French seller Payments already knows as able to take charges.</summary>
    public static async Task<(StripeClient Stripe, Account Seller)> MarketplaceAsync()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        return (stripe, await Sellers.OnboardAsync(stripe));
    }

    /// <summary>
    /// Creates (and, with <c>Confirm</c>, confirms) a payment intent. Onboarding enables a seller's charges before the
    /// news reaches Payments' read model, so a refusal naming the seller is retried for a while, as a platform would.
    /// </summary>
    public static async Task<PaymentIntent> CreateAsync(StripeClient stripe, PaymentIntentCreateOptions options, RequestOptions? request = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await stripe.V1.PaymentIntents.CreateAsync(options, request, Cancellation);
            }
            catch (StripeException e) when (attempt < 50 && e.StripeError?.Code is "account_invalid" or "resource_missing" or "insufficient_capabilities_for_transfer"
                && e.StripeError.Param is null or "transfer_data[destination]" or "on_behalf_of")
            {
                await Task.Delay(200, Cancellation);
            }
        }
    }

    /// <summary>What the account holds in <paramref name="currency"/>, pending and available together.</summary>
    public static async Task<(long Pending, long Available)> BalanceAsync(StripeClient stripe, string currency, string? account = null)
    {
        var balance = await stripe.V1.Balance.GetAsync(new RequestOptions { StripeAccount = account }, Cancellation);
        return (balance.Pending.Where(m => m.Currency == currency).Sum(m => m.Amount), balance.Available.Where(m => m.Currency == currency).Sum(m => m.Amount));
    }
}
