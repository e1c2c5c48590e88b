using System.Net;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Refunds;

/// <summary>Refunds of one charge racing each other never give back more than was captured.</summary>
public sealed class RefundConcurrencyTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    [Fact]
    public async Task TenConcurrentRefunds_OfThreeHundredOnAThousand_ExactlyThreeSucceed()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, amount: 1000);
        using var client = service.ClientFor(context);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id), ("amount", "300"))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal("amount_too_large", (await Http.ErrorAsync(refused, HttpStatusCode.BadRequest)).Text("code"));
        }

        Assert.Equal(900, (await SettledCharges.ReadAsync(service.Database, context, charge.Id)).AmountRefunded);
        Assert.Equal(900, service.Ledger.Refunds.Where(r => r.ChargeId == charge.Id).Sum(r => r.Amount));
    }
}
