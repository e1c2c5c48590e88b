using Marketplace.Api.Context;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Processor;
using Npgsql;

namespace Marketplace.Payments.Tests.Support;

/// <summary>
/// Charges as the payment saga leaves them, written straight into the charges table until the saga exists:
/// authorised, captured and (unless asked otherwise) journaled by the Ledger.
/// </summary>
static class SettledCharges
{
    public static async Task<ChargeRow> CreateAsync(
        NpgsqlDataSource database, RequestContext context, long amount = 1000, CardAftermath? aftermath = null, bool captured = true,
        bool journaled = true, string? paymentIntentId = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var charge = new ChargeRow
        {
            Id = PrefixedId.New("ch"),
            AccountId = context.AccountId,
            PlatformId = context.PlatformId,
            PaymentIntentId = paymentIntentId ?? PrefixedId.New("pi"),
            Created = DateTime.UtcNow,
            Amount = amount,
            Currency = "usd",
            Status = ChargeStatuses.Pending,
            BillingDetails = "{}",
            Metadata = "{}",
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ChargeStore.InsertAsync(transaction, charge, cancellationToken);
        await ChargeStore.AuthorizedAsync(
            transaction, charge.Id, PrefixedId.New("simauth"), "{}", """{"type":"card","card":{"brand":"visa"}}""",
            StripeJson.Serialize(aftermath ?? CardAftermath.None), cancellationToken);
        if (captured)
        {
            await ChargeStore.CapturedAsync(transaction, charge.Id, amount, charge.ApplicationFeeAmount, cancellationToken);
        }

        if (journaled)
        {
            await ChargeStore.PostedAsync(transaction, charge.Id, PrefixedId.New("txn"), null, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await ReadAsync(database, context, charge.Id);
    }

    public static async Task<ChargeRow> ReadAsync(NpgsqlDataSource database, RequestContext context, string chargeId) =>
        (await ChargeStore.FindAsync(database, context.AccountId, chargeId, TestContext.Current.CancellationToken))!;
}
