namespace Marketplace.Payments.Processor;

/// <summary>A refusal in Stripe's terms: <c>code</c> (<c>card_declined</c>, <c>expired_card</c>…), <c>decline_code</c> and the message shown to the payer.</summary>
public sealed record CardDecline(string Code, string? DeclineCode, string Message)
{
    public static CardDecline Declined(string declineCode, string message = "Your card was declined.") =>
        new("card_declined", declineCode, message);
}
