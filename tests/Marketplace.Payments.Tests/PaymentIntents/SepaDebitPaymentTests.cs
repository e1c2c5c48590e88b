using System.Net;
using Marketplace.Api.Context;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.PaymentIntents;

/// <summary>
/// A SEPA Direct Debit payment through the real saga, with Stripe's test IBANs: the confirm answers <c>processing</c>
/// with a <c>pending</c> charge, and after the settlement delay the debit settles (the Ledger journals it) or is
/// returned (nothing is journaled and the intent asks for another payment method).
/// </summary>
public sealed class SepaDebitPaymentTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    const string Settles = SepaMethods.Settles;
    const string Fails = "DE62370400440532013001";
    const string SettlesLate = "DE08370400440532013003";
    const string Disputed = "DE35370400440532013002";

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Confirm_WithSucceedingIban_AnswersProcessingThenSucceedsOnceTheLedgerPostedIt()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);

        var confirmed = await ConfirmAsync(context, Settles, 2500);

        Assert.Equal("processing", confirmed.Status);
        Assert.Equal("pending", (await service.ChargesFor(context).GetAsync(confirmed.LatestChargeId, cancellationToken: Cancellation)).Status);
        var succeeded = await Eventually.Until(() => intents.GetAsync(confirmed.Id, cancellationToken: Cancellation), i => i.Status != "processing");
        Assert.Equal(("succeeded", 2500L), (succeeded.Status, succeeded.AmountReceived));
        var charge = await service.ChargesFor(context).GetAsync(succeeded.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal(("succeeded", true, true), (charge.Status, charge.Paid, charge.Captured));
        Assert.Equal("sepa_debit", charge.PaymentMethodDetails.Type);
        Assert.Equal("3000", charge.PaymentMethodDetails.SepaDebit.Last4);
        Assert.Subset(StripeModelFields.Of(typeof(Stripe.ChargePaymentMethodDetailsSepaDebit)),
            StripeModelFields.Of(charge.RawJsonElement!.Value.GetProperty("payment_method_details").GetProperty("sepa_debit")));
        Assert.StartsWith("txn_", charge.BalanceTransactionId, StringComparison.Ordinal);
        var posted = Assert.Single(service.Ledger.Charges, c => c.ChargeId == charge.Id);
        Assert.Equal((2500L, "eur"), (posted.Amount, posted.Currency));
        Assert.Null(Assert.Single(service.Fraud.Requests, r => r.PaymentId == charge.Id).CardBin);
        Assert.Equal(
            ["payment_intent.created", "charge.pending", "payment_intent.processing", "charge.succeeded", "payment_intent.succeeded"],
            await EventTypesAsync(context, 5));
    }

    [Fact]
    public async Task Confirm_WithFailingIban_EndsRequiringAPaymentMethodAndJournalsNothing()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);

        var confirmed = await ConfirmAsync(context, Fails, 1000);

        Assert.Equal("processing", confirmed.Status);
        var failed = await Eventually.Until(() => intents.GetAsync(confirmed.Id, cancellationToken: Cancellation), i => i.Status != "processing");
        Assert.Equal("requires_payment_method", failed.Status);
        Assert.Equal(("insufficient_funds", "card_error"), (failed.LastPaymentError.Code, failed.LastPaymentError.Type));
        Assert.Equal("sepa_debit", failed.LastPaymentError.PaymentMethod.Type);
        Assert.Equal(0, failed.AmountReceived);
        var charge = await service.ChargesFor(context).GetAsync(confirmed.LatestChargeId, cancellationToken: Cancellation);
        Assert.Equal(("failed", "insufficient_funds", false), (charge.Status, charge.FailureCode, charge.Paid));
        Assert.Null(charge.BalanceTransactionId);
        Assert.DoesNotContain(service.Ledger.Charges, c => c.ChargeId == charge.Id);
        Assert.Equal(
            ["payment_intent.created", "charge.pending", "payment_intent.processing", "charge.failed", "payment_intent.payment_failed"],
            await EventTypesAsync(context, 5));
    }

    [Fact]
    public async Task Confirm_WithLateIban_StaysProcessingPastTheUsualDelayThenSucceeds()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);

        var confirmed = await ConfirmAsync(context, SettlesLate, 1000);
        await Eventually.Until(() => service.Events.Count(e => e.AccountId == context.AccountId && e.Type == "charge.pending"), n => n == 1);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);

        Assert.Equal("processing", (await intents.GetAsync(confirmed.Id, cancellationToken: Cancellation)).Status);
        Assert.Equal("succeeded", (await Eventually.Until(() => intents.GetAsync(confirmed.Id, cancellationToken: Cancellation), i => i.Status != "processing")).Status);
    }

    [Fact]
    public async Task Confirm_WithDisputedIban_SucceedsThenLosesADisputeThatTakesTheMoneyBack()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);

        var confirmed = await ConfirmAsync(context, Disputed, 4000);

        var succeeded = await Eventually.Until(() => intents.GetAsync(confirmed.Id, cancellationToken: Cancellation), i => i.Status != "processing");
        Assert.Equal("succeeded", succeeded.Status);
        var disputes = service.DisputesFor(context);
        var dispute = Assert.Single((await Eventually.Until(
            () => disputes.ListAsync(new Stripe.DisputeListOptions { Charge = succeeded.LatestChargeId }, cancellationToken: Cancellation),
            page => page.Data.Count > 0)).Data);
        Assert.Equal((4000L, "eur", "lost", "general"), (dispute.Amount, dispute.Currency, dispute.Status, dispute.Reason));
        Assert.Null(dispute.PaymentMethodDetails);
        Assert.Null(dispute.EvidenceDetails.DueBy);
        Assert.False(dispute.IsChargeRefundable);
        Assert.Equal(4000L, Assert.Single(service.Ledger.Withdrawals, w => w.ChargeId == succeeded.LatestChargeId).Amount);
        Assert.True((await service.ChargesFor(context).GetAsync(succeeded.LatestChargeId, cancellationToken: Cancellation)).Disputed);
        var funds = await Eventually.Until(() => disputes.GetAsync(dispute.Id, cancellationToken: Cancellation), d => d.BalanceTransactions.Count > 0);
        Assert.Equal("lost", funds.Status);
        var refused = await Assert.ThrowsAsync<Stripe.StripeException>(() => disputes.UpdateAsync(
            dispute.Id, new Stripe.DisputeUpdateOptions { Submit = true }, cancellationToken: Cancellation));
        Assert.Equal(HttpStatusCode.BadRequest, refused.HttpStatusCode);
    }

    [Theory]
    [InlineData("usd", "automatic", "currency")]
    [InlineData("eur", "manual", "capture_method")]
    public async Task Confirm_SepaDebitItCannotCollect_IsRefusedAndChangesNothing(string currency, string captureMethod, string param)
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);
        var method = await SepaMethodAsync(context, Settles);
        var intent = await intents.CreateAsync(new Stripe.PaymentIntentCreateOptions
        {
            Amount = 1000, Currency = currency, CaptureMethod = captureMethod, AllowedPaymentMethodTypes = ["sepa_debit"], PaymentMethod = method,
        }, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<Stripe.StripeException>(() => intents.ConfirmAsync(intent.Id, cancellationToken: Cancellation));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request_error", param), (error.HttpStatusCode, error.StripeError.Type, error.StripeError.Param));
        var unchanged = await intents.GetAsync(intent.Id, cancellationToken: Cancellation);
        Assert.Equal(("requires_confirmation", null), (unchanged.Status, unchanged.LatestChargeId));
        Assert.DoesNotContain(service.Fraud.Requests, r => r.AccountId == context.AccountId);
    }

    async Task<Stripe.PaymentIntent> ConfirmAsync(RequestContext context, string iban, long amount) =>
        await service.PaymentIntentsFor(context).CreateAsync(new Stripe.PaymentIntentCreateOptions
        {
            Amount = amount, Currency = "eur", AllowedPaymentMethodTypes = ["sepa_debit"], PaymentMethod = await SepaMethodAsync(context, iban), Confirm = true,
            MandateData = new Stripe.PaymentIntentMandateDataOptions
            {
                CustomerAcceptance = new Stripe.PaymentIntentMandateDataCustomerAcceptanceOptions { Type = "offline" },
            },
        }, cancellationToken: Cancellation);

    Task<string> SepaMethodAsync(RequestContext context, string iban) => SepaMethods.CreateAsync(service.PaymentMethodsFor(context), iban);

    /// <summary>The account's payment events in the order they were raised, once there are <paramref name="count"/> of them.</summary>
    async Task<List<string>> EventTypesAsync(RequestContext context, int count) =>
        await Eventually.Until(
            () => service.Events.Where(e => e.AccountId == context.AccountId && (e.Type.StartsWith("charge.", StringComparison.Ordinal)
                || e.Type.StartsWith("payment_intent.", StringComparison.Ordinal))).OrderBy(e => e.Created).Select(e => e.Type).ToList(),
            types => types.Count >= count);
}
