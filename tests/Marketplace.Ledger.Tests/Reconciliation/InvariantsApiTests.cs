using System.Net;
using System.Text.Json;
using Dapper;
using Marketplace.Ledger.Tests.Support;

namespace Marketplace.Ledger.Tests.Reconciliation;

public sealed class InvariantsApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASoundLedger_Passes_AndABalanceEditedBehindTheJournalsBack_IsCaught()
    {
        var (alice, bob) = (Journals.Available("acct_inv_alice"), Journals.Available("acct_inv_bob"));
        await ledger.Journal.PostAsync(Journals.Fund("inv:fund", alice, 1_000), Cancellation);
        await ledger.Journal.PostAsync(Journals.Transfer("inv:tr", alice, bob, 400), Cancellation);
        using var client = ledger.CreateClient();

        using var sound = await client.GetAsync("/internal/ledger/invariants", Cancellation);
        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        {
            await connection.ExecuteAsync("UPDATE ledger_accounts SET balance = balance + 1 WHERE owner = @Owner", bob);
        }

        using var broken = await client.GetAsync("/internal/ledger/invariants", Cancellation);

        Assert.Equal(HttpStatusCode.OK, sound.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        using var report = JsonDocument.Parse(await broken.Content.ReadAsStringAsync(Cancellation));
        Assert.False(report.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(1, report.RootElement.GetProperty("drifted_accounts").GetInt64());
        Assert.Equal(0, report.RootElement.GetProperty("unbalanced_transactions").GetInt64());
    }
}
