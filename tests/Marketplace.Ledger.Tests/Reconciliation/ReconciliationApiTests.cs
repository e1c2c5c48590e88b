using System.Net;
using System.Text.Json;
using Dapper;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;

namespace Marketplace.Ledger.Tests.Reconciliation;

public sealed class ReconciliationApiTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASoundLedger_Passes_AndABalanceABalanceTransactionOrAnEntryWrittenBehindTheJournalsBack_IsCaught()
    {
        var (alice, bob) = ("acct_inv_alice", "acct_inv_bob");
        await ledger.Journal.PostAsync(MovementRules.TopupSucceeded("tu_inv", alice, 1_000, "usd", "inv:topup", DateTimeOffset.UtcNow), Cancellation);
        await ledger.Journal.PostAsync(MovementRules.Transfer("tr_inv", "py_inv", alice, bob, 400, "usd", "inv:tr", DateTimeOffset.UtcNow), Cancellation);
        using var client = ledger.CreateClient();

        using var sound = await client.GetAsync("/internal/ledger/invariants", Cancellation);
        await EditAsync("UPDATE ledger_accounts SET balance = balance + 1 WHERE owner = @bob AND bucket = 'available'", bob);
        var brokenBalance = await InvariantsAsync(client);
        await EditAsync("UPDATE ledger_accounts SET balance = balance - 1 WHERE owner = @bob AND bucket = 'available'", bob);
        await EditAsync("UPDATE balance_transactions SET net = net + 1 WHERE owner = @bob", bob);
        var brokenView = await InvariantsAsync(client);
        // An entry of no transaction, for nothing: it moves no balance, so only its orphanhood can give it away.
        await EditAsync(
            "INSERT INTO journal_entries (transaction_id, line, owner, currency, bucket, amount) VALUES ('jtx_none', 0, @bob, 'usd', 'available', 0)",
            bob);
        var orphan = await InvariantsAsync(client);

        Assert.Equal(HttpStatusCode.OK, sound.StatusCode);
        Assert.Equal((false, 1L, 0L, 0L), (brokenBalance.GetProperty("ok").GetBoolean(), brokenBalance.GetProperty("drifted_accounts").GetInt64(),
            brokenBalance.GetProperty("unbalanced_transactions").GetInt64(), brokenBalance.GetProperty("balance_transactions_astray").GetInt64()));
        Assert.Equal((false, 0L, 1L), (brokenView.GetProperty("ok").GetBoolean(), brokenView.GetProperty("drifted_accounts").GetInt64(),
            brokenView.GetProperty("balance_transactions_astray").GetInt64()));
        Assert.Equal((0L, 1L),
            (brokenView.GetProperty("entries_without_transaction").GetInt64(), orphan.GetProperty("entries_without_transaction").GetInt64()));
    }

    async Task EditAsync(string sql, string bob)
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        await connection.ExecuteAsync(sql, new { bob });
    }

    static async Task<JsonElement> InvariantsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/internal/ledger/invariants", Cancellation);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        return report.RootElement.Clone();
    }

    [Fact]
    public async Task TheDailyReport_ReconcilesOpeningMovementsAndClosing()
    {
        var platform = Marketplace.Data.PrefixedId.New("acct");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await ledger.Journal.PostAsync(MovementRules.TopupSucceeded("tu_r", platform, 5_000, "usd", $"topup:{platform}", DateTimeOffset.UtcNow), Cancellation);
        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        {
            // As if the top-up had come in yesterday (balance transactions are a view; the journal itself is append-only).
            await connection.ExecuteAsync("UPDATE balance_transactions SET created = now() - interval '1 day' WHERE owner = @platform", new { platform });
        }

        await ledger.Journal.PostAsync(ChargeRules.Captured(
            new ChargeCaptured("ch_r", platform, platform, 1_000, "usd"), FeeSchedule.StandardCard, $"charge:{platform}", DateTimeOffset.UtcNow), Cancellation);
        using var client = ledger.CreateClient();

        using var todays = JsonDocument.Parse(await client.GetStringAsync($"/internal/ledger/reports/daily?account={platform}&date={today:yyyy-MM-dd}", Cancellation));
        using var yesterdays = JsonDocument.Parse(await client.GetStringAsync($"/internal/ledger/reports/daily?account={platform}&date={today.AddDays(-1):yyyy-MM-dd}", Cancellation));

        var day = todays.RootElement.EnumerateArray().Single();
        Assert.Equal(5_000, day.GetProperty("opening_balance").GetInt64());
        Assert.Equal(941, day.GetProperty("movements").GetProperty("charge").GetInt64());
        Assert.Equal(5_941, day.GetProperty("closing_balance").GetInt64());
        var before = yesterdays.RootElement.EnumerateArray().Single();
        Assert.Equal((0L, 5_000L), (before.GetProperty("opening_balance").GetInt64(), before.GetProperty("closing_balance").GetInt64()));
    }
}
