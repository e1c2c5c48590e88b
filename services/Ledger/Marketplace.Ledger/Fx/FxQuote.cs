namespace Marketplace.Ledger.Fx;

/// <summary>A conversion: the amount received in the target currency, and the rate applied (markup included), as a balance transaction records it.</summary>
public sealed record FxQuote(long Amount, string Currency, decimal ExchangeRate);
