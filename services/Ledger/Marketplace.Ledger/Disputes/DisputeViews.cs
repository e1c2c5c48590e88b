using Dapper;
using Marketplace.Messaging.Inbox;

namespace Marketplace.Ledger.Disputes;

/// <summary>The balance transaction a dispute's posting made: whichever delivery journaled it, the answer names it.</summary>
internal static class DisputeViews
{
    public static Task<string> BalanceTransactionAsync(ConsumeTransaction transaction, string cause, CancellationToken cancellationToken) =>
        transaction.Connection.QuerySingleAsync<string>(new CommandDefinition(
            """
            SELECT b.id FROM balance_transactions b
            JOIN journal_transactions j ON j.id = b.journal_transaction_id
            WHERE j.cause = @cause
            """, new { cause }, transaction.Transaction, cancellationToken: cancellationToken));
}
