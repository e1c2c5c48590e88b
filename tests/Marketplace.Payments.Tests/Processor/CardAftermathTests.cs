using Marketplace.Payments.Processor;
using Microsoft.Extensions.Options;

namespace Marketplace.Payments.Tests.Processor;

/// <summary>
/// Which charges the payment saga hands to <c>ChargeSettled</c> once their money is in the Ledger: those of a card
/// whose story goes on (a dispute, an early fraud warning, a Connect trigger), and no other — a message for every
/// ordinary charge would be consumed to do nothing.
/// </summary>
public sealed class CardAftermathTests
{
    static readonly SimulatedAcquirer Acquirer = new(Options.Create(new SimulatorOptions()));

    public static TheoryData<string, bool> Cards => new()
    {
        { "4000000000000259", true },  // dispute: fraudulent
        { "4000000000001976", true },  // inquiry
        { "4000000000005423", true },  // early fraud warning
        { "4000000000004210", true },  // Connect trigger: charge block
        { "4000000000007726", false }, // its refund's story is told by the refund, not by the settlement
        { "4000000000000077", false }, // bypass-pending: acted out by the Ledger's posting
        { "4242424242424242", false },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task ActsOnceSettled_OnlyForCardsWhoseStoryGoesOn(string number, bool acts)
    {
        var result = await Acquirer.AuthorizeAsync(new AuthorizationRequest(number, null, 1000, "usd"), TestContext.Current.CancellationToken);

        Assert.Equal(acts, result.Aftermath.ActsOnceSettled);
    }
}
