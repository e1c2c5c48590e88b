using System.Security.Cryptography;
using Marketplace.Payments.Vault;

namespace Marketplace.Payments.Tests.Vault;

/// <summary>The envelope: a data key per card under the master key, the number under the data key; fingerprints keyed.</summary>
public sealed class CardVaultTests
{
    static readonly CardVault Vault = new("test-vault-key-0123456789abcdef");

    [Fact]
    public void Seal_ThenOpen_ReturnsTheNumber() =>
        Assert.Equal("4242424242424242", Vault.Open(Vault.Seal("4242424242424242")));

    [Fact]
    public void Seal_SameNumberTwice_SealsDifferentlyUnderDifferentDataKeys()
    {
        var first = Vault.Seal("4242424242424242");
        var second = Vault.Seal("4242424242424242");

        Assert.NotEqual(first.SealedNumber, second.SealedNumber);
        Assert.NotEqual(first.SealedDataKey, second.SealedDataKey);
    }

    [Fact]
    public void Open_UnderAnotherMasterKey_Fails()
    {
        var sealedCard = Vault.Seal("4242424242424242");

        Assert.ThrowsAny<CryptographicException>(() => new CardVault("another-vault-key-0123456789abc").Open(sealedCard));
    }

    [Fact]
    public void Open_TamperedNumber_Fails()
    {
        var sealedCard = Vault.Seal("4242424242424242");
        sealedCard.SealedNumber[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => Vault.Open(sealedCard));
    }

    [Fact]
    public void Fingerprint_IsStablePerNumberAndKeyed()
    {
        Assert.Equal(Vault.Fingerprint("4242424242424242"), Vault.Fingerprint("4242424242424242"));
        Assert.NotEqual(Vault.Fingerprint("4242424242424242"), Vault.Fingerprint("5555555555554444"));
        Assert.NotEqual(Vault.Fingerprint("4242424242424242"), new CardVault("another-vault-key-0123456789abc").Fingerprint("4242424242424242"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    public void Constructor_WithAWeakKey_Refuses(string key) =>
        Assert.Throws<InvalidOperationException>(() => new CardVault(key));
}
