using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Onboarding.Verification;

/// <summary>An account's saga is found by a Guid derived from its id, so that every message names the account only.</summary>
public static class VerificationSagaId
{
    public static Guid For(string accountId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("account-verification:" + accountId)).AsSpan(0, 16));
}
