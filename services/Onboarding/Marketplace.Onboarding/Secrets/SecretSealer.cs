using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Onboarding.Secrets;

/// <summary>
/// Encrypts what must never be stored in clear — bank account numbers, IBANs, ID numbers — with AES-GCM under a key
/// derived from <c>Onboarding:EncryptionKey</c>, and fingerprints bank accounts with a second derived key, so that
/// the same account gets the same fingerprint without the number being recoverable from it.
/// </summary>
public sealed class SecretSealer
{
    public const string KeySetting = "Onboarding:EncryptionKey";

    const int NonceSize = 12;
    const int TagSize = 16;

    readonly byte[] _encryptionKey;
    readonly byte[] _fingerprintKey;

    public SecretSealer(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 16)
        {
            throw new InvalidOperationException($"{KeySetting} must be a secret of at least 16 characters.");
        }

        var material = Encoding.UTF8.GetBytes(secret);
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, info: "onboarding-seal"u8.ToArray());
        _fingerprintKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, info: "onboarding-fingerprint"u8.ToArray());
    }

    /// <summary>Base64 of nonce, ciphertext and tag; a fresh nonce each time, so equal values seal differently.</summary>
    public string Seal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length));
        return Convert.ToBase64String(sealedBytes);
    }

    public string Open(string sealedValue)
    {
        var bytes = Convert.FromBase64String(sealedValue);
        var plain = new byte[bytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, plain.Length), bytes.AsSpan(NonceSize + plain.Length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Sixteen base62 characters, as Stripe's fingerprints look: stable for one bank account, unique across others.</summary>
    public string Fingerprint(string value)
    {
        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var hash = HMACSHA256.HashData(_fingerprintKey, Encoding.UTF8.GetBytes(value));
        var text = new char[16];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = Alphabet[hash[i] % Alphabet.Length];
        }

        return new string(text);
    }
}
