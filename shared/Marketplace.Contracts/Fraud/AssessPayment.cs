namespace Marketplace.Contracts.Fraud;

/// <summary>
/// Payments asks Fraud to assess a payment before it goes to the processor: a request answered with
/// <see cref="PaymentAssessed"/> (MassTransit request/response, sent to <see cref="Address"/> with a deadline). Asking
/// again for the same <see cref="PaymentId"/> is answered with the first assessment and counts nothing twice, so a
/// retry after a timeout is safe. A request that arrives after its deadline (its expiration time) is dropped
/// unanswered and counts nothing: the caller has already decided without it.
/// </summary>
/// <remarks>Never the card number: its BIN and last four digits are enough to recognise Stripe's test cards.</remarks>
public sealed record AssessPayment
{
    /// <summary>Where Fraud's consumer listens (an exchange, never a <c>queue:</c> address: see the messaging notes).</summary>
    public static readonly Uri Address = new("exchange:fraud-assess-payment");

    /// <summary>The payment intent (or charge) assessed: the key that makes a repeated request a replay.</summary>
    public required string PaymentId { get; init; }

    public required string PlatformId { get; init; }

    /// <summary>The account the payment lands on: the platform, or the connected account of a direct charge.</summary>
    public required string AccountId { get; init; }

    /// <summary>In the currency's minor unit.</summary>
    public required long Amount { get; init; }

    /// <summary>Lowercase ISO 4217.</summary>
    public required string Currency { get; init; }

    public string? CardFingerprint { get; init; }

    /// <summary>The first six digits of the card number.</summary>
    public string? CardBin { get; init; }

    public string? CardLast4 { get; init; }

    /// <summary>Two-letter country of the card's issuer.</summary>
    public string? CardCountry { get; init; }

    /// <summary>Stripe's brand names: <c>visa</c>, <c>mastercard</c>, <c>amex</c>…</summary>
    public string? CardBrand { get; init; }

    /// <summary><c>credit</c>, <c>debit</c>, <c>prepaid</c> or <c>unknown</c>.</summary>
    public string? CardFunding { get; init; }

    /// <summary>Stripe's check results: <c>pass</c>, <c>fail</c>, <c>unavailable</c>, <c>unchecked</c>.</summary>
    public string? CvcCheck { get; init; }

    public string? AddressLine1Check { get; init; }

    public string? AddressZipCheck { get; init; }

    /// <summary>True once the customer authenticated this payment with 3D Secure.</summary>
    public bool Is3DSecure { get; init; }

    /// <summary>The buyer's IP address, when the payment came from a browser or app.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Two-letter country of <see cref="IpAddress"/>, as the caller geolocated it.</summary>
    public string? IpCountry { get; init; }

    public string? Email { get; init; }

    public string? CustomerId { get; init; }

    /// <summary>The connected account of a destination charge.</summary>
    public string? Destination { get; init; }

    /// <summary><c>apple_pay</c>, <c>google_pay</c>… when the card came from a wallet.</summary>
    public string? Wallet { get; init; }

    /// <summary>Whether this is the customer's first payment; when null, Fraud decides from the payments it has assessed.</summary>
    public bool? IsNewCustomer { get; init; }

    /// <summary>The payment's metadata, which rules read as <c>::key::</c>.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
