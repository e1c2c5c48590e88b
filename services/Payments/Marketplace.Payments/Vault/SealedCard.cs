namespace Marketplace.Payments.Vault;

/// <summary>A card number as the vault stores it: the number under its own data key, and that key under the master key.</summary>
public sealed record SealedCard(byte[] SealedDataKey, byte[] SealedNumber);
