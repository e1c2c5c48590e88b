using Microsoft.Playwright;
using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>
/// Payments that wait for their payer, completed in Chromium (Playwright) on the hosted pages through the gateway: a
/// 3D Secure card, and an iDEAL payment approved (or refused) on its bank page. Only then does the saga go on to the
/// issuer and the Ledger.
/// </summary>
public sealed class PaymentAuthenticationBrowserTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("#complete", "succeeded", "authenticated")]
    [InlineData("#fail", "requires_payment_method", "failed")]
    public async Task A3DSecureCard_WaitsForItsPayer_AndEndsAsTheChallengeDid(string button, string status, string result)
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var returnUrl = $"{RunningPlatform.Gateway}alive?order=7";
        var waiting = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 4_200, Currency = "eur", PaymentMethod = "pm_card_threeDSecure2Required", Confirm = true, ReturnUrl = returnUrl,
        });

        Assert.Equal(("requires_action", "redirect_to_url"), (waiting.Status, waiting.NextAction.Type));
        Assert.Equal((0L, 0L), await BalanceAsync(stripe, "eur"));
        var url = await CompleteInChromiumAsync(waiting.NextAction.RedirectToUrl.Url, button, "**/alive?order=7*");

        Assert.Equal($"{returnUrl}&payment_intent={waiting.Id}&payment_intent_client_secret={waiting.ClientSecret}&redirect_status={(
            status == "succeeded" ? "succeeded" : "failed")}", url);
        var settled = await UntilSettledAsync(stripe, waiting.Id);
        Assert.Equal(status, settled.Status);
        var charge = await stripe.V1.Charges.GetAsync(waiting.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal(result, charge.PaymentMethodDetails.Card.ThreeDSecure.Result);
        if (status == "succeeded")
        {
            Assert.True((await BalanceAsync(stripe, "eur")).Pending > 0);
        }
        else
        {
            Assert.Equal("payment_intent_authentication_failure", settled.LastPaymentError.Code);
            Assert.Equal((0L, 0L), await BalanceAsync(stripe, "eur"));
        }
    }

    [Fact]
    public async Task AnIdealPayment_ApprovedOnItsBankPage_Succeeds_AndIsJournaled()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var method = await stripe.V1.PaymentMethods.CreateAsync(
            new PaymentMethodCreateOptions { Type = "ideal", Ideal = new PaymentMethodIdealOptions { Bank = "ing" } }, cancellationToken: Cancellation);
        var waiting = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 3_000, Currency = "eur", AllowedPaymentMethodTypes = ["ideal"], PaymentMethod = method.Id, Confirm = true,
            ReturnUrl = $"{RunningPlatform.Gateway}alive?ideal-order",
        });

        var url = await CompleteInChromiumAsync(waiting.NextAction.RedirectToUrl.Url, "text=Authorize test payment", "**/alive?ideal-order*");

        Assert.EndsWith("redirect_status=succeeded", url, StringComparison.Ordinal);
        var settled = await UntilSettledAsync(stripe, waiting.Id);
        Assert.Equal(("succeeded", 3_000L), (settled.Status, settled.AmountReceived));
        var charge = await stripe.V1.Charges.GetAsync(settled.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal("ideal", charge.PaymentMethodDetails.Type);
        var transaction = await stripe.V1.BalanceTransactions.GetAsync(charge.BalanceTransactionId, cancellationToken: Cancellation);
        Assert.Equal(3_000, transaction.Amount);
    }

    static async Task<string> CompleteInChromiumAsync(string challengeUrl, string button, string returnGlob)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(challengeUrl);
        await page.ClickAsync(button);
        await page.WaitForURLAsync(returnGlob);
        return page.Url;
    }

    static async Task<PaymentIntent> UntilSettledAsync(StripeClient stripe, string id)
    {
        var intent = await stripe.V1.PaymentIntents.GetAsync(id, cancellationToken: Cancellation);
        for (var attempt = 0; attempt < 100 && intent.Status is "requires_action" or "processing"; attempt++)
        {
            await Task.Delay(100, Cancellation);
            intent = await stripe.V1.PaymentIntents.GetAsync(id, cancellationToken: Cancellation);
        }

        return intent;
    }
}
