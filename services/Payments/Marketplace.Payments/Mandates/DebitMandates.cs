using System.Security.Cryptography;
using Marketplace.Api.Errors;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Payments.PaymentMethods;
using Npgsql;

namespace Marketplace.Payments.Mandates;

/// <summary>
/// Which mandate a SEPA Direct Debit runs under, as Stripe decides it: a confirm's <c>mandate_data</c> records a new
/// one; <c>mandate</c> names an active one of the same method; with neither, the method's newest active mandate for
/// the same <c>on_behalf_of</c> is used — and if it has none, the debit is refused, since no scheme takes a debit
/// without one. Stripe also insists on fresh <c>mandate_data</c> when a payment sets its method up for later use.
/// Other method types carry no mandate here, and what was said of one is ignored.
/// </summary>
internal static class DebitMandates
{
    public sealed record Choice(string? MandateId, StripeError? Error);

    /// <summary>The mandate of a payment intent's debit; written in <paramref name="transaction"/> when new.</summary>
    public static Task<Choice> ForPaymentAsync(
        NpgsqlTransaction transaction, string platformId, string accountId, string? onBehalfOf, PaymentMethod method, MandateRequest request,
        bool setsUpFutureUsage, CancellationToken cancellationToken)
    {
        if (method.Type == PaymentMethodTypes.SepaDebit && setsUpFutureUsage && request.Acceptance is null)
        {
            return Task.FromResult(new Choice(null, StripeError.InvalidRequest(
                "When confirming a PaymentIntent with a `sepa_debit` PaymentMethod and `setup_future_usage`, `mandate_data` is required.", "mandate_data")));
        }

        return ChooseAsync(transaction, platformId, accountId, onBehalfOf, method, request, "PaymentIntent", "payment_intent_mandate_invalid", cancellationToken);
    }

    /// <summary>The mandate a setup intent leaves its method with; written in <paramref name="transaction"/> when new.</summary>
    public static Task<Choice> ForSetupAsync(
        NpgsqlTransaction transaction, string platformId, string accountId, PaymentMethod method, MandateRequest request, CancellationToken cancellationToken) =>
        ChooseAsync(transaction, platformId, accountId, null, method, request, "SetupIntent", "setup_intent_mandate_invalid", cancellationToken);

    static async Task<Choice> ChooseAsync(
        NpgsqlTransaction transaction, string platformId, string accountId, string? onBehalfOf, PaymentMethod method, MandateRequest request,
        string intentName, string invalidCode, CancellationToken cancellationToken)
    {
        if (method.Type != PaymentMethodTypes.SepaDebit)
        {
            return new(null, null);
        }

        if (request.MandateId is { } mandateId)
        {
            return await MandateStore.FindAsync(transaction, accountId, mandateId, cancellationToken) switch
            {
                null => new(null, StripeError.ResourceMissing("mandate", mandateId, "mandate")),
                { Status: MandateRow.Active } mandate when mandate.PaymentMethodId == method.Id && mandate.OnBehalfOf == onBehalfOf => new(mandate.Id, null),
                _ => new(null, StripeError.InvalidRequest(
                    $"The mandate {mandateId} cannot be used for this {intentName}: it is not an active mandate of the PaymentMethod {method.Id}"
                    + (onBehalfOf is null ? "." : $" given for {onBehalfOf}."), "mandate", invalidCode)),
            };
        }

        if (request.Acceptance is { } acceptance)
        {
            return new(await RecordAsync(transaction, platformId, accountId, onBehalfOf, method, acceptance, cancellationToken), null);
        }

        return await MandateStore.ActiveIdAsync(transaction, method.Id, onBehalfOf, cancellationToken) is { } existing
            ? new(existing, null)
            : new(null, StripeError.InvalidRequest(
                $"This {intentName} requires a mandate, but no existing mandate was found. Collect mandate acceptance from the customer and try again, "
                + "providing acceptance data in the mandate_data parameter.", "mandate_data"));
    }

    static async Task<string> RecordAsync(
        NpgsqlTransaction transaction, string platformId, string accountId, string? onBehalfOf, PaymentMethod method,
        MandateCustomerAcceptance acceptance, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var mandate = new MandateRow
        {
            Id = PrefixedId.New("mandate", now),
            AccountId = accountId,
            PlatformId = platformId,
            PaymentMethodId = method.Id,
            OnBehalfOf = onBehalfOf,
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime,
            Status = MandateRow.Active,
            CustomerAcceptance = StripeJson.Serialize(acceptance),
            Reference = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 16),
            PageToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
        };
        await MandateStore.InsertAsync(transaction, mandate, cancellationToken);
        return mandate.Id;
    }
}
