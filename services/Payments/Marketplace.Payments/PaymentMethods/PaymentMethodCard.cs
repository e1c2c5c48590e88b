namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>card</c> hash: what may be shown of a card. The full number is in the vault, never here.</summary>
public sealed record PaymentMethodCard
{
    public required string Brand { get; init; }

    public required CardChecks Checks { get; init; }

    public required string Country { get; init; }

    /// <summary>The brand as shown to the payer (<c>visa</c>, <c>cartes_bancaires</c>…); the network's brand here.</summary>
    public required string DisplayBrand { get; init; }

    public required long ExpMonth { get; init; }

    public required long ExpYear { get; init; }

    /// <summary>A keyed hash of the number (<see cref="Vault.CardVault.Fingerprint"/>): the same card gives the same value.</summary>
    public required string Fingerprint { get; init; }

    public required string Funding { get; init; }

    /// <summary>Set when the method was generated from a card-present payment, which this platform does not take.</summary>
    public object? GeneratedFrom { get; init; }

    public required string Last4 { get; init; }

    public required CardNetworks Networks { get; init; }

    /// <summary><c>unregulated</c>: Durbin regulation concerns US debit issuers, which the simulator has none of.</summary>
    public string RegulatedStatus { get; init; } = "unregulated";

    public required CardThreeDSecureUsage ThreeDSecureUsage { get; init; }

    /// <summary>Null unless the card came from a wallet (Apple Pay, Google Pay).</summary>
    public CardWallet? Wallet { get; init; }
}
