namespace Marketplace.Payments.PaymentMethods;

/// <summary>What a test id or token stands for: a test card's number, and the wallet (<c>apple_pay</c>, <c>google_pay</c>) it came from, if any.</summary>
internal sealed record TestCardName(string Number, string? Wallet)
{
    /// <summary>Never the number, even of a test card: the habit is what protects real ones.</summary>
    public override string ToString() => $"TestCardName {{ Wallet = {Wallet} }}";
}
