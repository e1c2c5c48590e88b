using System.Net;
using System.Text.Json;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Refunds;

/// <summary>A refund from its create to its last status, with the Ledger answering as it does and the refund test cards.</summary>
public sealed class RefundLifecycleTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    [Fact]
    public async Task Create_OnSettledCharge_AnswersSucceededOnceTheLedgerPostedIt()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, amount: 1000);
        using var client = service.ClientFor(context);

        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("reason", "requested_by_customer")));

        Assert.Equal("succeeded", refund.Text("status"));
        Assert.Equal(1000, refund.GetProperty("amount").GetInt64());
        Assert.StartsWith("txn_", refund.Text("balance_transaction"), StringComparison.Ordinal);
        Assert.Equal(charge.PaymentIntentId, refund.Text("payment_intent"));
        Assert.Equal("requested_by_customer", refund.Text("reason"));
        var posted = Assert.Single(service.Ledger.Refunds, r => r.RefundId == refund.Id());
        Assert.Equal(1000, posted.Amount);
        Assert.Equal(1000, (await SettledCharges.ReadAsync(service.Database, context, charge.Id)).AmountRefunded);
        var events = await EventTypesAsync(context.AccountId, 4);
        Assert.Equal(["charge.refund.updated", "charge.refunded", "refund.created", "refund.updated"], events.Order(StringComparer.Ordinal));
        var refunded = service.Events.Single(e => e.AccountId == context.AccountId && e.Type == "charge.refunded");
        var chargeJson = JsonDocument.Parse(refunded.ObjectJson).RootElement;
        Assert.Equal((charge.Id, 1000L, true), (chargeJson.Id(), chargeJson.GetProperty("amount_refunded").GetInt64(), chargeJson.GetProperty("refunded").GetBoolean()));
        Assert.Equal(0, JsonDocument.Parse(refunded.PreviousAttributesJson!).RootElement.GetProperty("amount_refunded").GetInt64());
    }

    [Fact]
    public async Task Create_PartialRefunds_AddUpToTheCapturedAmountAndNoFurther()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, amount: 1000);
        using var client = service.ClientFor(context);

        var first = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("amount", "300")));
        var tooMuch = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("amount", "701")), HttpStatusCode.BadRequest);
        var rest = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)));
        var again = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)), HttpStatusCode.BadRequest);

        Assert.Equal(300, first.GetProperty("amount").GetInt64());
        Assert.Equal("amount_too_large", tooMuch.Text("code"));
        Assert.Equal("amount", tooMuch.Text("param"));
        Assert.Equal(700, rest.GetProperty("amount").GetInt64());
        Assert.Equal("charge_already_refunded", again.Text("code"));
        Assert.Equal(1000, (await SettledCharges.ReadAsync(service.Database, context, charge.Id)).AmountRefunded);
        Assert.Equal(2, service.Ledger.Refunds.Count(r => r.ChargeId == charge.Id));
    }

    [Fact]
    public async Task Create_ByPaymentIntent_RefundsItsLatestCharge()
    {
        var context = TestContexts.NewPlatform();
        var failedFirst = await SettledCharges.CreateAsync(service.Database, context, amount: 500);
        var latest = await SettledCharges.CreateAsync(service.Database, context, amount: 800, paymentIntentId: failedFirst.PaymentIntentId);
        using var client = service.ClientFor(context);

        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("payment_intent", latest.PaymentIntentId), ("amount", "100")));

        Assert.Equal(latest.Id, refund.Text("charge"));
        Assert.Equal(0, (await SettledCharges.ReadAsync(service.Database, context, failedFirst.Id)).AmountRefunded);
    }

    [Fact]
    public async Task Create_PassesReverseTransferAndRefundApplicationFeeToTheLedger()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context);
        using var client = service.ClientFor(context);

        var refund = await Http.OkAsync(await Http.PostAsync(
            client, "/v1/refunds", ("charge", charge.Id), ("reverse_transfer", "true"), ("refund_application_fee", "true")));

        var posted = Assert.Single(service.Ledger.Refunds, r => r.RefundId == refund.Id());
        Assert.True(posted.ReverseTransfer);
        Assert.True(posted.RefundApplicationFee);
    }

    [Fact]
    public async Task Create_WhenTheLedgerRefuses_FailsAndGivesTheReservationBack()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, amount: 1000);
        service.Ledger.RefuseRefundsOf(charge.Id);
        using var client = service.ClientFor(context);

        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("amount", "400")));

        Assert.Equal("failed", refund.Text("status"));
        Assert.Equal("unknown", refund.Text("failure_reason"));
        Assert.Null(refund.Text("balance_transaction"));
        Assert.Equal(0, (await SettledCharges.ReadAsync(service.Database, context, charge.Id)).AmountRefunded);
        Assert.Contains("refund.failed", await EventTypesAsync(context.AccountId, 5));
    }

    [Fact]
    public async Task Create_WhenTheLedgerDoesNotAnswerInTime_AnswersPendingAndSucceedsOnceItDoes()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context);
        service.Ledger.HoldRefundsOf(charge.Id);
        using var client = service.ClientFor(context);

        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)));
        await service.Ledger.ReleaseAsync(charge.Id);

        Assert.Equal("pending", refund.Text("status"));
        Assert.Null(refund.Text("balance_transaction"));
        var settled = await Eventually.Until(() => RetrieveAsync(client, refund.Id()), r => r.Text("status") != "pending");
        Assert.Equal("succeeded", settled.Text("status"));
        Assert.NotNull(settled.Text("balance_transaction"));
    }

    [Fact]
    public async Task Create_WithThePendingRefundCard_StaysPendingThenSucceeds()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: new CardAftermath(Refund: RefundBehavior.PendingThenSucceeds));
        using var client = service.ClientFor(context);

        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)));

        Assert.Equal("pending", refund.Text("status"));
        Assert.Equal("processing", refund.Text("pending_reason"));
        Assert.NotNull(refund.Text("balance_transaction"));
        var later = await Eventually.Until(() => RetrieveAsync(client, refund.Id()), r => r.Text("status") != "pending");
        Assert.Equal("succeeded", later.Text("status"));
        Assert.Null(later.Text("pending_reason"));
    }

    [Fact]
    public async Task Create_WithTheFailingRefundCard_SucceedsThenFails_AndItsMoneyComesBack()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, aftermath: new CardAftermath(Refund: RefundBehavior.SucceedsThenFails));
        using var client = service.ClientFor(context);

        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)));

        Assert.Equal("succeeded", refund.Text("status"));
        var later = await Eventually.Until(() => RetrieveAsync(client, refund.Id()), r => r.Text("status") != "succeeded");
        Assert.Equal("failed", later.Text("status"));
        Assert.Equal("unknown", later.Text("failure_reason"));
        Assert.Contains("refund.failed", await EventTypesAsync(context.AccountId, 7));
        var returned = await Eventually.Until(() => RetrieveAsync(client, refund.Id()), r => r.GetProperty("failure_balance_transaction").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.StartsWith("txn_", returned.Text("failure_balance_transaction"));
        using var chargeResponse = await client.GetAsync($"/v1/charges/{charge.Id}", TestContext.Current.CancellationToken);
        var refundable = await Http.OkAsync(chargeResponse);
        Assert.Equal(0, refundable.GetProperty("amount_refunded").GetInt64());
    }

    [Fact]
    public async Task Create_OnAnUncapturedCharge_IsRefusedAndChangesNothing()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, captured: false, journaled: false);
        using var client = service.ClientFor(context);

        var error = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal("charge", error.Text("param"));
        Assert.DoesNotContain(service.Ledger.Refunds, r => r.ChargeId == charge.Id);
        Assert.Empty((await ListAsync(client, $"/v1/refunds?charge={charge.Id}")).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Create_BeforeTheLedgerJournaledTheCharge_AsksToRetryWith409()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, journaled: false);
        using var client = service.ClientFor(context);

        var error = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)), HttpStatusCode.Conflict);

        Assert.Equal("lock_timeout", error.Text("code"));
        Assert.Equal(0, (await SettledCharges.ReadAsync(service.Database, context, charge.Id)).AmountRefunded);
    }

    [Theory]
    [InlineData("amount", "0", "amount")]
    [InlineData("reason", "changed_my_mind", "reason")]
    [InlineData("charge", "ch_missing", "charge")]
    public async Task Create_WithBadInput_IsRefusedAndChangesNothing(string name, string value, string param)
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context);
        using var client = service.ClientFor(context);
        var fields = name == "charge" ? new[] { (name, value) } : [("charge", charge.Id), (name, value)];

        var response = await Http.PostAsync(client, "/v1/refunds", fields);

        var error = await Http.ErrorAsync(response, response.StatusCode == HttpStatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
        Assert.Equal(param, error.Text("param"));
        Assert.Equal(0, (await SettledCharges.ReadAsync(service.Database, context, charge.Id)).AmountRefunded);
    }

    [Fact]
    public async Task Create_WithNeitherChargeNorPaymentIntent_IsRefused()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/refunds", ("amount", "100")), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request_error", error.Text("type"));
    }

    [Fact]
    public async Task Cancel_ACardRefund_IsRefusedAsStripeDoes()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context);
        using var client = service.ClientFor(context);
        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)));

        var error = await Http.ErrorAsync(await Http.PostAsync(client, $"/v1/refunds/{refund.Id()}/cancel"), HttpStatusCode.BadRequest);

        Assert.Contains("requires_action", error.Text("message"), StringComparison.Ordinal);
        Assert.Equal("succeeded", (await RetrieveAsync(client, refund.Id())).Text("status"));
    }

    [Fact]
    public async Task Update_Metadata_ChangesOnlyTheMetadataAndRaisesRefundUpdated()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context);
        using var client = service.ClientFor(context);
        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("metadata[order]", "1")));
        await EventTypesAsync(context.AccountId, 4);

        var updated = await Http.OkAsync(await Http.PostAsync(client, $"/v1/refunds/{refund.Id()}", ("metadata[order]", ""), ("metadata[note]", "late")));

        Assert.Equal("""{"note":"late"}""", updated.GetProperty("metadata").GetRawText());
        Assert.Equal(refund.Text("status"), updated.Text("status"));
        var previous = await Eventually.Until(
            () => service.Events.Where(e => e.AccountId == context.AccountId && e.Type == "refund.updated" && e.PreviousAttributesJson!.Contains("metadata")).ToList(),
            events => events.Count == 1);
        Assert.Contains("\"order\":\"1\"", previous[0].PreviousAttributesJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FiltersByChargeAndPaymentIntent_NewestFirst()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, amount: 1000);
        var other = await SettledCharges.CreateAsync(service.Database, context, amount: 1000);
        using var client = service.ClientFor(context);
        var first = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("amount", "100")));
        var second = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("amount", "200")));
        await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", other.Id)));

        var byCharge = await ListAsync(client, $"/v1/refunds?charge={charge.Id}");
        var byPaymentIntent = await ListAsync(client, $"/v1/refunds?payment_intent={charge.PaymentIntentId}");
        var nested = await ListAsync(client, $"/v1/charges/{charge.Id}/refunds?limit=1");
        var all = await ListAsync(client, "/v1/refunds");
        var later = await ListAsync(client, $"/v1/refunds?created[gt]={DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds()}");

        Assert.Equal([second.Id(), first.Id()], Ids(byCharge));
        Assert.Equal([second.Id(), first.Id()], Ids(byPaymentIntent));
        Assert.Equal([second.Id()], Ids(nested));
        Assert.True(nested.GetProperty("has_more").GetBoolean());
        Assert.Equal($"/v1/charges/{charge.Id}/refunds", nested.Text("url"));
        Assert.Equal(3, Ids(all).Count);
        Assert.Empty(Ids(later));
    }

    [Fact]
    public async Task Retrieve_AnotherAccountsRefund_IsNotFound()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context);
        using var client = service.ClientFor(context);
        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)));
        using var stranger = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await stranger.GetAsync($"/v1/refunds/{refund.Id()}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);

        Assert.Equal("resource_missing", error.Text("code"));
    }

    static async Task<JsonElement> RetrieveAsync(HttpClient client, string id) =>
        await Http.OkAsync(await client.GetAsync($"/v1/refunds/{id}", TestContext.Current.CancellationToken));

    static async Task<JsonElement> ListAsync(HttpClient client, string path) =>
        await Http.OkAsync(await client.GetAsync(path, TestContext.Current.CancellationToken));

    static List<string> Ids(JsonElement list) => [.. list.GetProperty("data").EnumerateArray().Select(r => r.Id())];

    /// <summary>The types of the account's events, once at least <paramref name="count"/> have arrived.</summary>
    async Task<List<string>> EventTypesAsync(string accountId, int count) =>
        await Eventually.Until(() => service.Events.Where(e => e.AccountId == accountId).Select(e => e.Type).ToList(), types => types.Count >= count);
}
