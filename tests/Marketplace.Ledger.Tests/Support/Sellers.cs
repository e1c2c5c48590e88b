using Dapper;
using Marketplace.Api.Context;
using Marketplace.Contracts.Accounts;
using Marketplace.Ledger.PostingRules;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;

namespace Marketplace.Ledger.Tests.Support;

/// <summary>Platforms with a connected account, for the tests that move money to sellers.</summary>
public static class Sellers
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>
    /// A new platform with <paramref name="funds"/> available (usd) and a connected account the Ledger knows; announced
    /// through <c>ConnectedAccountCreated</c> as Onboarding does when <paramref name="announce"/>, else written directly;
    /// settling in <paramref name="defaultCurrency"/> when one is given.
    /// </summary>
    public static async Task<(RequestContext Platform, string Seller)> PlatformWithSellerAsync(
        LedgerService ledger, long funds, bool announce = false, string? defaultCurrency = null)
    {
        var platform = TestContexts.NewPlatform();
        var seller = Marketplace.Data.PrefixedId.New("acct");
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        if (announce)
        {
            // As Onboarding announces it: through the message the Ledger consumes.
            await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
            {
                await transaction.PublishAsync(new ConnectedAccountCreated
                {
                    AccountId = seller, PlatformId = platform.PlatformId, Created = DateTimeOffset.UtcNow, DefaultCurrency = defaultCurrency,
                }, Cancellation);
                await transaction.CommitAsync(Cancellation);
            }

            await Eventually.Until(
                () => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM connected_accounts WHERE id = @seller", new { seller }), n => n == 1);
        }
        else
        {
            await connection.ExecuteAsync(
                "INSERT INTO connected_accounts (id, platform_id, default_currency) VALUES (@seller, @platform, @defaultCurrency)",
                new { seller, platform = platform.PlatformId, defaultCurrency });
        }

        if (funds > 0)
        {
            await ledger.Journal.PostAsync(Journals.Fund($"fund:{platform.PlatformId}", LedgerAccounts.AvailableOf(platform.PlatformId, "usd"), funds), Cancellation);
        }

        return (platform, seller);
    }
}
