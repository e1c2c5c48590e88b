using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>
/// Stripe's <c>card.wallet</c>: the wallet a card came from. Like the payment method itself, it carries only the hash
/// named by its <c>type</c> (<c>apple_pay</c> or <c>google_pay</c>, both empty hashes).
/// </summary>
public sealed record CardWallet
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CardWalletApplePay? ApplePay { get; init; }

    /// <summary>The last four digits of the device account number, which the wallet charges instead of the card's.</summary>
    public required string DynamicLast4 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CardWalletGooglePay? GooglePay { get; init; }

    public required string Type { get; init; }

    /// <summary>
    /// A wallet of <paramref name="type"/> for a simulated card. A wallet pays with a device account number of its
    /// own; its last four digits are derived from the card's fingerprint, so that one card shows the same ones each time.
    /// </summary>
    public static CardWallet Simulated(string type, string fingerprint)
    {
        var digits = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint))) % 10_000;
        return new CardWallet
        {
            Type = type,
            DynamicLast4 = digits.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            ApplePay = type == "apple_pay" ? new CardWalletApplePay() : null,
            GooglePay = type == "google_pay" ? new CardWalletGooglePay() : null,
        };
    }
}
