using System.Security.Cryptography;
using System.Text;
using Marketplace.Gateway.Idempotency;

namespace Marketplace.Gateway.Tests.Idempotency;

public sealed class RequestFingerprintTests
{
    static readonly byte[] CardBody = Encoding.UTF8.GetBytes("type=card&card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2030");

    [Fact]
    public void ABodyCarryingACardNumber_IsFingerprintedUnderTheInstallationsKey_NotByAPlainHashAnyoneCanRecompute()
    {
        var ours = RequestFingerprint.FromSigningKey("an installation's signing key, 32+ characters long");
        var plain = SHA256.HashData([.. Encoding.UTF8.GetBytes("POST\n/v1/payment_methods\nacct_1\n"), .. CardBody]);

        var fingerprint = ours.Of("POST", "/v1/payment_methods", "acct_1", CardBody);

        Assert.NotEqual(plain, fingerprint);
        Assert.Equal(fingerprint, ours.Of("POST", "/v1/payment_methods", "acct_1", CardBody));
        Assert.NotEqual(fingerprint, RequestFingerprint.FromSigningKey("another installation's signing key, 32+ chars").Of("POST", "/v1/payment_methods", "acct_1", CardBody));
    }
}
