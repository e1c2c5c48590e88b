using Dapper;
using Marketplace.Api.Context;
using Marketplace.Contracts.Accounts;
using Marketplace.Data;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Payments.Tests.ConnectedAccounts;

/// <summary>
/// Stripe's Connect trigger cards (<c>…4202</c> next requirements, <c>…4210</c> charge block, <c>…4236</c> payout
/// block): once a charge for a connected account settles, their effect goes to Onboarding for that account.
/// </summary>
public sealed class TriggerCardTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pm_card_visa_triggerNextRequirements", ConnectedAccountTriggered.NextRequirements)]
    [InlineData("pm_card_visa_triggerChargeBlock", ConnectedAccountTriggered.ChargeBlock)]
    [InlineData("pm_card_visa_triggerPayoutBlock", ConnectedAccountTriggered.PayoutBlock)]
    public async Task ADestinationCharge_WithATriggerCard_TellsOnboardingAboutTheDestinationOnceSettled(string testMethod, string trigger)
    {
        var platform = TestContexts.NewPlatform();
        var seller = await ChargeableSellerAsync(platform);
        using var client = service.ClientFor(platform);

        var intent = await Http.OkAsync(await Http.PostAsync(client, "/v1/payment_intents",
            ("amount", "2000"), ("currency", "eur"), ("payment_method", testMethod), ("confirm", "true"), ("transfer_data[destination]", seller)));

        Assert.Equal("succeeded", intent.Text("status"));
        var told = await Eventually.Until(() => service.AccountTriggers.SingleOrDefault(t => t.ChargeId == intent.Text("latest_charge")), t => t is not null);
        Assert.Equal((platform.PlatformId, seller, trigger), (told!.PlatformId, told.AccountId, told.Trigger));
    }

    [Fact]
    public async Task APlatformsOwnCharge_WithATriggerCard_TellsNoOne()
    {
        var platform = TestContexts.NewPlatform();
        var trigger = new CardAftermath(AccountTrigger: ConnectedAccountTriggered.ChargeBlock);
        var own = await SettledCharges.CreateAsync(service.Database, platform, aftermath: trigger);
        var seller = await SettledCharges.CreateAsync(service.Database, platform.OnConnectedAccount(PrefixedId.New("acct")), aftermath: trigger);

        await service.Bus.Publish(Settled(own), Cancellation);
        await service.Bus.Publish(Settled(seller), Cancellation);

        await Eventually.Until(() => service.AccountTriggers.Any(t => t.ChargeId == seller.Id), told => told);
        Assert.DoesNotContain(service.AccountTriggers, t => t.ChargeId == own.Id);
    }

    /// <summary>A connected account of <paramref name="platform"/> that Payments' read model lets charge, as Onboarding's announcement makes it.</summary>
    async Task<string> ChargeableSellerAsync(RequestContext platform)
    {
        var seller = PrefixedId.New("acct");
        await service.Bus.Publish(new ConnectedAccountUpdated
        {
            AccountId = seller,
            PlatformId = platform.PlatformId,
            ChargesEnabled = true,
            PayoutsEnabled = true,
            Capabilities = new Dictionary<string, string> { ["card_payments"] = "active", ["transfers"] = "active" },
            DefaultCurrency = "eur",
            PayoutInterval = "daily",
            PayoutDelayDays = 2,
            Updated = DateTimeOffset.UtcNow,
        }, Cancellation);
        await Eventually.Until(async () =>
        {
            await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
            return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM connected_accounts WHERE id = @seller)", new { seller });
        }, known => known);
        return seller;
    }

    static ChargeSettled Settled(ChargeRow charge) =>
        new() { ChargeId = charge.Id, PaymentIntentId = charge.PaymentIntentId, PlatformId = charge.PlatformId, AccountId = charge.AccountId };
}
