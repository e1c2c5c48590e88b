using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Payments.Tests.Support;
using MassTransit;

namespace Marketplace.Payments.Tests.Refunds;

/// <summary>
/// A create retried with its Idempotency-Key (a lost response, an SDK retry) refunds once, and the Ledger's answers
/// arriving again (a redelivery, a repeated command) change nothing the second time.
/// </summary>
public sealed class RefundIdempotencyTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    [Fact]
    public async Task Create_RetriedWithTheSameKey_AnswersTheSameRefundAndRefundsOnce()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, amount: 1000);
        using var client = service.ClientFor(context);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("amount", "600")));
        var retried = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("amount", "600")));

        Assert.Equal(first.Id(), retried.Id());
        Assert.Equal(600, (await SettledCharges.ReadAsync(service.Database, context, charge.Id)).AmountRefunded);
        Assert.Single(service.Ledger.Refunds, r => r.ChargeId == charge.Id);
    }

    [Fact]
    public async Task Create_RetriedConcurrentlyWithTheSameKey_RefundsOnce()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, amount: 1000);
        using var client = service.ClientFor(context);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
            await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("amount", "400")))));

        Assert.Single(answers.Select(a => a.Id()).Distinct());
        Assert.Equal(400, (await SettledCharges.ReadAsync(service.Database, context, charge.Id)).AmountRefunded);
    }

    [Fact]
    public async Task RefundPosted_ArrivingAgain_KeepsTheFirstPostingAndRaisesNothing()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context);
        using var client = service.ClientFor(context);
        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)));
        var cancellationToken = TestContext.Current.CancellationToken;

        await Eventually.Until(() => service.Events.Count(e => e.AccountId == context.AccountId && e.Type == "refund.updated"), count => count == 1);
        var posted = Guid.NewGuid();
        var refused = Guid.NewGuid();

        await service.Bus.Publish(
            new RefundPosted { RefundId = refund.Id(), ChargeId = charge.Id, BalanceTransactionId = "txn_again" }, c => c.MessageId = posted, cancellationToken);
        await service.Bus.Publish(
            new RefundRefused { RefundId = refund.Id(), ChargeId = charge.Id, Reason = RefundRefused.ExceedsCharge }, c => c.MessageId = refused, cancellationToken);
        await Eventually.Until(() => ConsumedAsync(posted, refused), consumed => consumed == 2);

        var after = await Http.OkAsync(await client.GetAsync($"/v1/refunds/{refund.Id()}", cancellationToken));
        Assert.Equal(refund.Text("balance_transaction"), after.Text("balance_transaction"));
        Assert.Equal("succeeded", after.Text("status"));
        Assert.Equal(1000, (await SettledCharges.ReadAsync(service.Database, context, charge.Id)).AmountRefunded);
        Assert.Single(service.Events, e => e.AccountId == context.AccountId && e.Type == "refund.updated");
    }

    /// <summary>How many of the messages a consumer has taken (its inbox row commits with what it did).</summary>
    async Task<long> ConsumedAsync(params Guid[] messageIds)
    {
        await using var connection = await service.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@messageIds)", new { messageIds });
    }
}
