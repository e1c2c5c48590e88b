using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Payments.PaymentSaga;

/// <summary>
/// A payment attempt's saga is found by a Guid derived from its charge id, so that every message — Fraud's answer
/// (whose <c>PaymentId</c> is the charge), the Ledger's <c>ChargePosted</c>, a capture — names the charge only.
/// </summary>
public static class PaymentSagaId
{
    public static Guid For(string chargeId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("payment-attempt:" + chargeId)).AsSpan(0, 16));
}
