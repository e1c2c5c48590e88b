using Dapper;
using Marketplace.Data;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Npgsql;

namespace Marketplace.Ledger.Transfers;

/// <summary>
/// Reverses all or part of a platform's transfer — for the API and for the <c>ReverseTransfer</c> command alike: the
/// reversal's row and the transfer's <c>amount_reversed</c> commit with the posting, and concurrent reversals never
/// exceed the amount (<see cref="RemainingAmount"/>). <paramref name="cause"/> names the request, so a repeated one
/// answers with the reversal it made.
/// </summary>
public sealed class TransferReverser(NpgsqlDataSource dataSource, JournalWriter journal, TimeProvider time)
{
    public async Task<RemainingAmountResult> ReverseAsync(
        string platformId, string transferId, long? amount, string cause, TransferReversalDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var reversalId = PrefixedId.New("trr");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        TransferRow? row = null;
        return await RemainingAmount.PostReturnAsync(
            connection, journal, transferId, cause,
            async serialized => (row = await connection.QuerySingleOrDefaultAsync<TransferRow>(new CommandDefinition(
                $"SELECT {TransferRow.Columns} FROM transfers WHERE id = @transferId AND platform_id = @platformId",
                new { transferId, platformId }, serialized, cancellationToken: cancellationToken))) is { } found
                ? found.Amount - found.AmountReversed
                : null,
            amount,
            reversed =>
            {
                var posting = MovementRules.TransferReversal(
                    reversalId, PrefixedId.New("pyr"), platformId, row!.Destination, reversed, row.Currency, cause, time.GetUtcNow(), details.Description);
                return posting with { Rows = TransferRecord.Reverse(reversalId, transferId, platformId, posting, details) };
            },
            cancellationToken);
    }
}
