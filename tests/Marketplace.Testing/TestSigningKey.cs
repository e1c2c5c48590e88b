namespace Marketplace.Testing;

/// <summary>The gateway-context signing key tests share with the hosts they start; never used outside tests.</summary>
public static class TestSigningKey
{
    public const string Value = "test-only-gateway-context-signing-key-0123456789";
}
