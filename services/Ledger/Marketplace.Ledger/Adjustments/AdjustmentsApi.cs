using Marketplace.Api.Money;
using Marketplace.Data;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.Adjustments;

public static class AdjustmentsApi
{
    /// <summary>
    /// For operators (not routed by the gateway): <c>POST /internal/ledger/adjustments</c> with
    /// <c>{"account":"acct_…","currency":"usd","amount":-500,"reason":"…","key":"…"}</c> credits (or debits) an account's
    /// available balance as an <c>adjustment</c> balance transaction. The operator's <c>key</c> makes a retry post once.
    /// </summary>
    public static IEndpointRouteBuilder MapAdjustmentsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/internal/ledger/adjustments", async (AdjustmentRequest request, JournalWriter journal, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (request is not { Account.Length: > 0, Currency: { } currency, Amount: not 0, Reason.Length: > 0, Key.Length: > 0 } || !Currencies.IsSupported(currency))
            {
                return Results.BadRequest(new { error = "account, a supported lowercase currency, a non-zero amount, a reason and a key are required" });
            }

            var adjustmentId = PrefixedId.New("adj");
            var posting = AdjustmentRules.Adjusted(adjustmentId, request.Account, currency, request.Amount, request.Reason, $"adjustment:{request.Key}", time.GetUtcNow());
            var transaction = await journal.PostAsync(posting, cancellationToken) switch
            {
                PostingResult.Posted posted => posted.TransactionId,
                PostingResult.AlreadyPosted already => already.TransactionId,
                var refused => throw new InvalidOperationException($"An adjustment requires no funds, yet it was refused: {refused}."),
            };
            return Results.Json(new { journal_transaction = transaction });
        });
        return endpoints;
    }

    sealed record AdjustmentRequest(string? Account, string? Currency, long Amount, string? Reason, string? Key);
}
