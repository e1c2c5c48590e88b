using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Payments.Processor;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>
/// The card a create request gives: <c>card[number]</c> with <c>card[exp_month]</c>, <c>card[exp_year]</c> and an
/// optional <c>card[cvc]</c>, or a test token in <c>card[token]</c>. The CVC lives only as long as the request,
/// to be checked; it is never stored.
/// </summary>
internal sealed record CardDetails(string Number, string? Cvc, long ExpMonth, long ExpYear)
{
    /// <summary>The wallet the card came from (<c>apple_pay</c>, <c>google_pay</c>), for our wallet test ids; null for a card typed in.</summary>
    public string? Wallet { get; init; }

    /// <summary>Never the number or the CVC: a record's generated ToString would print them.</summary>
    public override string ToString() => $"CardDetails {{ ExpMonth = {ExpMonth}, ExpYear = {ExpYear} }}";

    /// <summary>A test card, expiring a year from now as Stripe's test tokens do.</summary>
    public static CardDetails ForTestCard(TestCardName card, DateTimeOffset now) => new(card.Number, null, now.Month, now.Year + 1) { Wallet = card.Wallet };

    /// <summary>Reads <c>card</c>; failures (card errors included) go to the reader, and then the result is null.</summary>
    public static CardDetails? Read(ParameterReader parameters, DateTimeOffset now)
    {
        if (parameters.GetObject("card") is not { } card)
        {
            if (!parameters.Failed)
            {
                parameters.Fail(ParameterErrors.Missing("card"));
            }

            return null;
        }

        if (card.GetString("token") is { } token)
        {
            if (TestPaymentMethods.TryFindToken(token, out var tokenCard))
            {
                return ForTestCard(tokenCard, now);
            }

            card.Fail(StripeError.InvalidRequest($"No such token: '{token}'", card.PathOf("token"), StripeErrorCode.ResourceMissing));
            return null;
        }

        var number = card.GetRequiredString("number", 30).Replace(" ", "", StringComparison.Ordinal);
        var expMonth = card.GetRequiredLong("exp_month");
        var expYear = card.GetRequiredLong("exp_year");
        var cvc = card.GetString("cvc", 10);
        if (parameters.Failed)
        {
            return null;
        }

        // Stripe's own order: the number first, then the expiry, then the CVC's shape.
        if (!CardNumbers.IsValid(number))
        {
            card.Fail(StripeError.Card("Your card number is incorrect.", "incorrect_number", param: card.PathOf("number")));
        }
        else if (expMonth is < 1 or > 12)
        {
            card.Fail(StripeError.Card("Your card's expiration month is invalid.", "invalid_expiry_month", param: card.PathOf("exp_month")));
        }
        else if (expYear < now.Year || expYear > now.Year + 50 || (expYear == now.Year && expMonth < now.Month))
        {
            card.Fail(StripeError.Card("Your card's expiration year is invalid.", "invalid_expiry_year", param: card.PathOf("exp_year")));
        }
        else if (cvc is not null && (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit)))
        {
            card.Fail(StripeError.Card("Your card's security code is invalid.", "invalid_cvc", param: card.PathOf("cvc")));
        }

        return parameters.Failed ? null : new CardDetails(number, cvc, expMonth, expYear);
    }
}
