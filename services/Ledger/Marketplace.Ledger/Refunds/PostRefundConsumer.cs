using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Ledger.Accounts;
using Marketplace.Ledger.ApplicationFees;
using Marketplace.Ledger.Charges;
using Marketplace.Ledger.Fx;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using MassTransit;
using Npgsql;

namespace Marketplace.Ledger.Refunds;

/// <summary>
/// Journals a refund against the charge the Ledger recorded, by the refund rules, once per refund and never beyond
/// what remains of the charge (refunds of one charge are serialized: <see cref="RemainingAmount"/>). The charge's
/// <c>amount_refunded</c>, and the <c>fee_refund</c> when the application fee goes back, commit with the posting; the
/// fee refunded is capped at what earlier fee refunds left. Connected accounts give back in their settlement currency,
/// at today's rate. The answer commits with the inbox row.
/// </summary>
public sealed class PostRefundConsumer(NpgsqlDataSource dataSource, JournalWriter journal, FxRates fx, TimeProvider time) : IConsumer<PostRefund>
{
    public static string Cause(string refundId) => $"refund:{refundId}";

    public async Task Consume(ConsumeContext<PostRefund> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        var feeRefundId = PrefixedId.New("fr");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        ChargeRow? charge = null;
        long? feeRemaining = null;
        IReadOnlyDictionary<string, string> settlement = new Dictionary<string, string>();
        FxConverter? converter = null;
        var result = await RemainingAmount.PostReturnAsync(
            connection, journal, command.ChargeId, Cause(command.RefundId),
            async serialized =>
            {
                charge = await connection.QuerySingleOrDefaultAsync<ChargeRow>(new CommandDefinition(
                    $"SELECT {ChargeRow.Columns} FROM charges WHERE id = @ChargeId", command, serialized, cancellationToken: cancellationToken));
                if (charge?.ApplicationFeeId is { } fee)
                {
                    // The fee's own refunds (the API's) are serialized on the fee: take its lock too, always after the charge's.
                    await connection.ExecuteAsync(new CommandDefinition(
                        "SELECT pg_advisory_xact_lock(hashtextextended(@fee, 0))", new { fee }, serialized, cancellationToken: cancellationToken));
                    feeRemaining = await connection.QuerySingleAsync<long>(new CommandDefinition(
                        "SELECT amount - amount_refunded FROM application_fees WHERE id = @fee", new { fee }, serialized, cancellationToken: cancellationToken));
                }

                if (charge is null)
                {
                    return null;
                }

                settlement = await SettlementCurrencies.ForChargeAsync(connection, serialized, charge.ToCaptured(), cancellationToken);
                // The rates are read only for a charge whose owners settle in a currency of their own.
                converter = settlement.Count > 0 ? await fx.ConverterAsync(cancellationToken) : null;
                return charge.Amount - charge.AmountRefunded;
            },
            command.Amount,
            amount => Posting(command, charge!, amount, feeRefundId, feeRemaining, settlement, converter),
            cancellationToken);

        if (result is not RemainingAmountResult.Made)
        {
            await context.Publish(new RefundRefused
            {
                RefundId = command.RefundId,
                ChargeId = command.ChargeId,
                Reason = result is RemainingAmountResult.Missing ? RefundRefused.UnknownCharge : RefundRefused.ExceedsCharge,
            });
            return;
        }

        var views = (await connection.QueryAsync<(string Id, string Type, string Source)>(new CommandDefinition(
            """
            SELECT b.id, b.type, b.source FROM balance_transactions b
            JOIN journal_transactions j ON j.id = b.journal_transaction_id
            WHERE j.cause = @cause AND b.type IN ('refund', 'application_fee_refund')
            """, new { cause = Cause(command.RefundId) }, cancellationToken: cancellationToken))).ToList();
        await context.Publish(new RefundPosted
        {
            RefundId = command.RefundId,
            ChargeId = command.ChargeId,
            BalanceTransactionId = views.Single(v => v.Type == "refund").Id,
            FeeRefundId = views.FirstOrDefault(v => v.Type == "application_fee_refund").Source,
        });
    }

    Posting Posting(
        PostRefund command, ChargeRow charge, long amount, string feeRefundId, long? feeRemaining, IReadOnlyDictionary<string, string> settlement, FxConverter? fx)
    {
        var refund = new RefundIssued(command.RefundId, charge.ToCaptured(), amount, command.ReverseTransfer, command.RefundApplicationFee,
            feeRefundId, feeRemaining);
        var posting = RefundRules.Issued(refund, Cause(command.RefundId), time.GetUtcNow());
        posting = fx is null ? posting : FxSettlement.Apply(posting, settlement, fx);
        var feeReturned = posting.BalanceTransactions.Any(b => b.Type == "application_fee_refund");
        return posting with
        {
            Rows = feeReturned
                ? [ChargeRecord.Refunded(charge.Id, amount), .. ApplicationFeeRecord.Refunded(feeRefundId, charge.ApplicationFeeId!, charge.PlatformId, posting, "{}")]
                : [ChargeRecord.Refunded(charge.Id, amount)],
        };
    }
}
