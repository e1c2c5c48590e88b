using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Ledger.Charges;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using MassTransit;
using Npgsql;

namespace Marketplace.Ledger.Refunds;

/// <summary>
/// Gives a failed refund's money back to the balance it left (<see cref="RefundRules.Failed"/>), once per refund: the
/// amount and currency are the refund's own balance transaction's, so a connected account settling in its own
/// currency gets back exactly what it gave. The charge's <c>amount_refunded</c> goes down with the posting, so the
/// amount may be refunded again. A refund the Ledger never posted has nothing to return, and is answered so.
/// </summary>
public sealed class ReturnFailedRefundConsumer(NpgsqlDataSource dataSource, JournalWriter journal, TimeProvider time) : IConsumer<ReturnFailedRefund>
{
    public static string Cause(string refundId) => $"refund-failure:{refundId}";

    public async Task Consume(ConsumeContext<ReturnFailedRefund> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var refunded = await connection.QuerySingleOrDefaultAsync<(string Owner, string Currency, long Amount)?>(new CommandDefinition(
            """
            SELECT b.owner, b.currency, b.amount FROM balance_transactions b
            JOIN journal_transactions j ON j.id = b.journal_transaction_id
            WHERE j.cause = @cause AND b.type = 'refund'
            """, new { cause = PostRefundConsumer.Cause(command.RefundId) }, cancellationToken: cancellationToken));
        if (refunded is not { } refund)
        {
            await context.Publish(new FailedRefundReturned { RefundId = command.RefundId });
            return;
        }

        var posting = RefundRules.Failed(command.RefundId, refund.Owner, refund.Currency, -refund.Amount, Cause(command.RefundId), time.GetUtcNow())
            with { Rows = [ChargeRecord.Refunded(command.ChargeId, -command.Amount)] };
        await journal.PostAsync(posting, cancellationToken);
        var returned = await connection.QuerySingleAsync<string>(new CommandDefinition(
            """
            SELECT b.id FROM balance_transactions b JOIN journal_transactions j ON j.id = b.journal_transaction_id
            WHERE j.cause = @cause AND b.type = 'refund_failure'
            """, new { cause = Cause(command.RefundId) }, cancellationToken: cancellationToken));
        await context.Publish(new FailedRefundReturned { RefundId = command.RefundId, BalanceTransactionId = returned });
    }
}
