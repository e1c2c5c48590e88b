using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Refunds;

/// <summary>A create retried with its Idempotency-Key (a lost response, an SDK retry) refunds once.</summary>
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
}
