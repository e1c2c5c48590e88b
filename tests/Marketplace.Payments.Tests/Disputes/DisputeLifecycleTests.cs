using System.Net;
using System.Text.Json;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Disputes;

/// <summary>
/// A dispute from the acquirer's report (a settled charge of one of Stripe's dispute test cards) to its end: evidence,
/// submission decided by Stripe's test evidence, close — with what the Ledger is asked to do at each step.
/// </summary>
public sealed class DisputeLifecycleTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    static readonly CardAftermath Fraudulent = new(DisputeReason: "fraudulent");

    [Fact]
    public async Task ChargeSettled_WithTheFraudulentDisputeCard_OpensADisputeAndWithdrawsItsFunds()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, amount: 1500, aftermath: Fraudulent);
        using var client = service.ClientFor(context);

        var dispute = await OpenAsync(charge, client);

        Assert.Equal("needs_response", dispute.Text("status"));
        Assert.Equal("fraudulent", dispute.Text("reason"));
        Assert.Equal(1500, dispute.GetProperty("amount").GetInt64());
        Assert.False(dispute.GetProperty("is_charge_refundable").GetBoolean());
        Assert.Equal("chargeback", dispute.GetProperty("payment_method_details").GetProperty("card").Text("case_type"));
        var withdrawal = Assert.Single(service.Ledger.Withdrawals, w => w.ChargeId == charge.Id);
        Assert.Equal((dispute.Id(), 1500L), (withdrawal.DisputeId, withdrawal.Amount));
        var transaction = Assert.Single(dispute.GetProperty("balance_transactions").EnumerateArray());
        Assert.Equal("dispute", transaction.Text("reporting_category"));
        Assert.True((await SettledCharges.ReadAsync(service.Database, context, charge.Id)).Disputed);
        await EventsAsync(context.AccountId, "charge.dispute.created", "charge.dispute.funds_withdrawn");
    }

    [Fact]
    public async Task ChargeSettled_Twice_OpensOneDispute()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: Fraudulent);
        using var client = service.ClientFor(context);
        await OpenAsync(charge, client);

        await service.Bus.Publish(Settled(charge), TestContext.Current.CancellationToken);
        await OpenAsync(charge, client);

        Assert.Single((await ListAsync(client, $"/v1/disputes?charge={charge.Id}")).GetProperty("data").EnumerateArray());
        Assert.Single(service.Ledger.Withdrawals, w => w.ChargeId == charge.Id);
    }

    [Fact]
    public async Task RefundOfAChargedBackCharge_IsRefusedWithChargeDisputed()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: Fraudulent);
        using var client = service.ClientFor(context);
        await OpenAsync(charge, client);

        var error = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)), HttpStatusCode.BadRequest);

        Assert.Equal("charge_disputed", error.Text("code"));
    }

    [Fact]
    public async Task ChargeSettled_WithTheInquiryCard_OpensAnInquiryThatTakesNothingAndLeavesTheChargeRefundable()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: new CardAftermath(DisputeReason: "fraudulent", Inquiry: true));
        using var client = service.ClientFor(context);

        var dispute = await OpenAsync(charge, client);

        Assert.Equal("warning_needs_response", dispute.Text("status"));
        Assert.True(dispute.GetProperty("is_charge_refundable").GetBoolean());
        Assert.Equal("inquiry", dispute.GetProperty("payment_method_details").GetProperty("card").Text("case_type"));
        Assert.Empty(dispute.GetProperty("balance_transactions").EnumerateArray());
        Assert.DoesNotContain(service.Ledger.Withdrawals, w => w.ChargeId == charge.Id);
        Assert.Equal("succeeded", (await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)))).Text("status"));
    }

    [Fact]
    public async Task ChargeSettled_WithTheEarlyFraudWarningCard_TellsFraud()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: new CardAftermath(EarlyFraudWarning: true));

        await service.Bus.Publish(Settled(charge), TestContext.Current.CancellationToken);

        var warning = await Eventually.Until(() => service.FraudWarnings.Where(w => w.ChargeId == charge.Id).ToList(), warnings => warnings.Count > 0);
        Assert.Equal((context.PlatformId, context.AccountId, charge.PaymentIntentId), (warning[0].PlatformId, warning[0].AccountId, warning[0].PaymentIntentId));
        Assert.True(warning[0].Actionable);
    }

    [Fact]
    public async Task Submit_WithWinningEvidence_WinsAndReinstatesTheFunds()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: Fraudulent);
        using var client = service.ClientFor(context);
        var dispute = await OpenAsync(charge, client);

        var won = await Http.OkAsync(await Http.PostAsync(
            client, $"/v1/disputes/{dispute.Id()}", ("evidence[uncategorized_text]", "winning_evidence"), ("submit", "true")));

        Assert.Equal("won", won.Text("status"));
        Assert.Equal(1, won.GetProperty("evidence_details").GetProperty("submission_count").GetInt64());
        Assert.Equal("winning_evidence", won.GetProperty("evidence").Text("uncategorized_text"));
        var reinstated = await Eventually.Until(
            () => RetrieveAsync(client, dispute.Id()), d => d.GetProperty("balance_transactions").GetArrayLength() == 2);
        Assert.Equal("dispute_reversal", reinstated.GetProperty("balance_transactions")[1].Text("reporting_category"));
        Assert.Single(service.Ledger.Reinstatements, r => r.DisputeId == dispute.Id());
        await EventsAsync(context.AccountId, "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_reinstated");
    }

    [Fact]
    public async Task Submit_WithLosingEvidence_LosesAndTheFundsStayWithdrawn()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: Fraudulent);
        using var client = service.ClientFor(context);
        var dispute = await OpenAsync(charge, client);

        var lost = await Http.OkAsync(await Http.PostAsync(
            client, $"/v1/disputes/{dispute.Id()}", ("evidence[uncategorized_text]", "losing_evidence"), ("submit", "true")));

        Assert.Equal("lost", lost.Text("status"));
        await EventsAsync(context.AccountId, "charge.dispute.closed");
        Assert.DoesNotContain(service.Ledger.Reinstatements, r => r.DisputeId == dispute.Id());
    }

    [Fact]
    public async Task Update_Evidence_IsKeptUntilSubmittedAndOtherEvidenceGoesUnderReview()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: Fraudulent);
        using var client = service.ClientFor(context);
        var dispute = await OpenAsync(charge, client);

        var updated = await Http.OkAsync(await Http.PostAsync(
            client, $"/v1/disputes/{dispute.Id()}", ("evidence[customer_name]", "Jenny Rosen"), ("evidence[shipping_tracking_number]", "1Z999")));
        var removed = await Http.OkAsync(await Http.PostAsync(client, $"/v1/disputes/{dispute.Id()}", ("evidence[shipping_tracking_number]", "")));
        var submitted = await Http.OkAsync(await Http.PostAsync(client, $"/v1/disputes/{dispute.Id()}", ("submit", "true")));
        var late = await Http.ErrorAsync(
            await Http.PostAsync(client, $"/v1/disputes/{dispute.Id()}", ("evidence[customer_name]", "Someone Else")), HttpStatusCode.BadRequest);

        Assert.Equal("needs_response", updated.Text("status"));
        Assert.True(updated.GetProperty("evidence_details").GetProperty("has_evidence").GetBoolean());
        Assert.Equal("1Z999", updated.GetProperty("evidence").Text("shipping_tracking_number"));
        Assert.Null(removed.GetProperty("evidence").Text("shipping_tracking_number"));
        Assert.Equal("Jenny Rosen", removed.GetProperty("evidence").Text("customer_name"));
        Assert.Equal("under_review", submitted.Text("status"));
        Assert.Equal("evidence", late.Text("param"));
        Assert.Equal("Jenny Rosen", (await RetrieveAsync(client, dispute.Id())).GetProperty("evidence").Text("customer_name"));
    }

    [Fact]
    public async Task Update_WithAnUnknownEvidenceField_IsRefusedAndChangesNothing()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: Fraudulent);
        using var client = service.ClientFor(context);
        var dispute = await OpenAsync(charge, client);

        var error = await Http.ErrorAsync(await Http.PostAsync(
            client, $"/v1/disputes/{dispute.Id()}", ("evidence[customer_name]", "Jenny"), ("evidence[favourite_colour]", "blue")), HttpStatusCode.BadRequest);

        Assert.Equal("parameter_unknown", error.Text("code"));
        Assert.False((await RetrieveAsync(client, dispute.Id())).GetProperty("evidence_details").GetProperty("has_evidence").GetBoolean());
    }

    [Fact]
    public async Task Close_AcceptsTheLossOnceAndAgainChangesNothing()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: Fraudulent);
        using var client = service.ClientFor(context);
        var dispute = await OpenAsync(charge, client);

        var closed = await Http.OkAsync(await Http.PostAsync(client, $"/v1/disputes/{dispute.Id()}/close"));
        var again = await Http.OkAsync(await Http.PostAsync(client, $"/v1/disputes/{dispute.Id()}/close"));

        Assert.Equal("lost", closed.Text("status"));
        Assert.Equal("lost", again.Text("status"));
        var closings = await EventsAsync(context.AccountId, "charge.dispute.closed");
        Assert.Single(closings, type => type == "charge.dispute.closed");
        Assert.DoesNotContain(service.Ledger.Reinstatements, r => r.DisputeId == dispute.Id());
    }

    [Fact]
    public async Task Close_AnInquiry_ClosesTheWarningWithoutTakingFunds()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: new CardAftermath(DisputeReason: "fraudulent", Inquiry: true));
        using var client = service.ClientFor(context);
        var dispute = await OpenAsync(charge, client);

        var closed = await Http.OkAsync(await Http.PostAsync(client, $"/v1/disputes/{dispute.Id()}/close"));

        Assert.Equal("warning_closed", closed.Text("status"));
        Assert.DoesNotContain(service.Ledger.Withdrawals, w => w.ChargeId == charge.Id);
    }

    static ChargeSettled Settled(ChargeRow charge) =>
        new() { ChargeId = charge.Id, PaymentIntentId = charge.PaymentIntentId, PlatformId = charge.PlatformId, AccountId = charge.AccountId };

    /// <summary>Settles the charge and waits for its dispute, and for a chargeback's withdrawal to be recorded.</summary>
    async Task<JsonElement> OpenAsync(ChargeRow charge, HttpClient client)
    {
        await service.Bus.Publish(Settled(charge), TestContext.Current.CancellationToken);
        var list = await Eventually.Until(
            () => ListAsync(client, $"/v1/disputes?charge={charge.Id}"),
            page => page.GetProperty("data").EnumerateArray().Any(d =>
                d.GetProperty("is_charge_refundable").GetBoolean() || d.GetProperty("balance_transactions").GetArrayLength() > 0));
        return list.GetProperty("data")[0];
    }

    static async Task<JsonElement> RetrieveAsync(HttpClient client, string id) =>
        await Http.OkAsync(await client.GetAsync($"/v1/disputes/{id}", TestContext.Current.CancellationToken));

    static async Task<JsonElement> ListAsync(HttpClient client, string path) =>
        await Http.OkAsync(await client.GetAsync(path, TestContext.Current.CancellationToken));

    /// <summary>The account's event types, once every one of <paramref name="expected"/> has arrived.</summary>
    async Task<List<string>> EventsAsync(string accountId, params string[] expected) =>
        await Eventually.Until(
            () => service.Events.Where(e => e.AccountId == accountId).Select(e => e.Type).ToList(),
            types => expected.All(types.Contains));
}
