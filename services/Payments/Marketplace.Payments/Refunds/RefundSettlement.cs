using Npgsql;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// Lets a create answer with what the Ledger made of its refund: it polls the refund until the Ledger has answered
/// (posted: a balance transaction; refused: failed) or <paramref name="within"/> has passed, and then answers with
/// the refund as it is — <c>pending</c> when the Ledger has not answered in time. It polls the database rather than
/// waiting for a signal in process, because the answer may be consumed by another instance of the service.
/// </summary>
internal static class RefundSettlement
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<RefundRow> AwaitLedgerAsync(NpgsqlDataSource dataSource, RefundRow refund, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (refund.BalanceTransactionId is null && refund.Status == RefundStatuses.Pending && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(PollInterval, cancellationToken);
            refund = await RefundStore.ReadAsync(dataSource, refund.Id, cancellationToken);
        }

        return refund;
    }
}
