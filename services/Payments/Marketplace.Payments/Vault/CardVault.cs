using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Payments.Vault;

/// <summary>
/// Seals full card numbers and IBANs by envelope encryption: each gets its own random data key, the number is sealed
/// with AES-GCM under that key, and the data key is sealed under the master key derived from
/// <c>Payments:VaultKey</c>. Rotating the master key then means re-sealing small data keys, not every number, and a
/// leaked data key opens one number only. Fingerprints are an HMAC under a second derived key: equal for the same
/// number, useless for recovering it. Numbers never leave this class except to the acquirer, through
/// <see cref="Open"/>.
/// </summary>
public sealed class CardVault
{
    public const string KeySetting = "Payments:VaultKey";

    const int KeySize = 32;
    const int NonceSize = 12;
    const int TagSize = 16;

    readonly byte[] _masterKey;
    readonly byte[] _fingerprintKey;

    public CardVault(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 16)
        {
            throw new InvalidOperationException($"{KeySetting} must be a secret of at least 16 characters.");
        }

        var material = Encoding.UTF8.GetBytes(secret);
        _masterKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, KeySize, info: "payments-vault-master"u8.ToArray());
        _fingerprintKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, KeySize, info: "payments-vault-fingerprint"u8.ToArray());
    }

    public SealedCard Seal(string cardNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardNumber);
        var dataKey = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            return new SealedCard(Encrypt(_masterKey, dataKey), Encrypt(dataKey, Encoding.ASCII.GetBytes(cardNumber)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public string Open(SealedCard card)
    {
        var dataKey = Decrypt(_masterKey, card.SealedDataKey);
        try
        {
            return Encoding.ASCII.GetString(Decrypt(dataKey, card.SealedNumber));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Sixteen base62 characters, as Stripe's fingerprints look: stable for one number within this deployment.</summary>
    public string Fingerprint(string cardNumber)
    {
        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var hash = HMACSHA256.HashData(_fingerprintKey, Encoding.ASCII.GetBytes(cardNumber));
        var text = new char[16];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = Alphabet[hash[i] % Alphabet.Length];
        }

        return new string(text);
    }

    /// <summary>Nonce, ciphertext and tag; a fresh nonce each time, so equal values seal differently.</summary>
    static byte[] Encrypt(byte[] key, byte[] plain)
    {
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length));
        return sealedBytes;
    }

    static byte[] Decrypt(byte[] key, byte[] sealedBytes)
    {
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain);
        return plain;
    }
}
