using Marketplace.Testing;
using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Onboarding;

/// <summary>
/// Stripe's Connect trigger cards across the services: a destination charge with one succeeds, then Onboarding applies
/// its effect to the seller, and Payments refuses what the seller may no longer do (a charge on its behalf; a
/// destination charge needs only its transfers, which a charge block leaves alone, as on Stripe).
/// </summary>
public sealed class TriggerCardTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AChargeBlockCard_DisablesTheSellersCharges_SoAChargeOnItsBehalfIsRefused()
    {
        var (stripe, seller) = await MarketplaceAsync();

        var triggering = await CreateAsync(stripe, Destination(seller, "pm_card_visa_triggerChargeBlock"));
        var blocked = await UntilAsync(stripe, seller.Id, account => !account.ChargesEnabled);
        var refused = await Assert.ThrowsAsync<StripeException>(() => RefusedAsync(stripe, seller.Id));

        Assert.Equal("succeeded", triggering.Status);
        Assert.Equal(("inactive", "under_review"), (blocked.Capabilities.CardPayments, blocked.Requirements.DisabledReason));
        Assert.Equal(("account_invalid", "on_behalf_of"), (refused.StripeError.Code, refused.StripeError.Param));
    }

    [Fact]
    public async Task TheNextRequirementsCard_MakesTheSellersEventuallyDueFieldsCurrentlyDueWithADeadline()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var withoutDocument = Sellers.FrenchIndividual(new DateTime(1902, 1, 1));
        withoutDocument.Individual.Verification = null;
        var seller = await Sellers.OnboardAsync(stripe, withoutDocument);
        var eventually = seller.Requirements.EventuallyDue;

        await CreateAsync(stripe, Destination(seller, "pm_card_visa_triggerNextRequirements"));
        var due = await UntilAsync(stripe, seller.Id, account => account.Requirements.CurrentlyDue.Count > 0);

        Assert.Equal(["individual.verification.document"], eventually);
        Assert.Empty(seller.Requirements.CurrentlyDue);
        Assert.Equal(eventually, due.Requirements.CurrentlyDue);
        Assert.NotNull(due.Requirements.CurrentDeadline);
        Assert.True(due.ChargesEnabled);
    }

    static PaymentIntentCreateOptions Destination(Account seller, string testMethod) => new()
    {
        Amount = 2_000, Currency = "eur", PaymentMethod = testMethod, Confirm = true,
        TransferData = new PaymentIntentTransferDataOptions { Destination = seller.Id },
    };

    /// <summary>A charge on the seller's behalf, until Payments heard of the block (it keeps its own copy of the seller's state).</summary>
    static async Task RefusedAsync(StripeClient stripe, string seller)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
            {
                Amount = 2_000, Currency = "eur", PaymentMethod = "pm_card_visa", Confirm = true, OnBehalfOf = seller,
                TransferData = new PaymentIntentTransferDataOptions { Destination = seller },
            }, cancellationToken: Cancellation);
            await Task.Delay(100, Cancellation);
        }
    }

    static Task<Account> UntilAsync(StripeClient stripe, string id, Func<Account, bool> condition) =>
        Eventually.Until(() => stripe.V1.Accounts.GetAsync(id, cancellationToken: Cancellation), condition, TimeSpan.FromSeconds(30));
}
