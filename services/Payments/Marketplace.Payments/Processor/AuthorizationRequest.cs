namespace Marketplace.Payments.Processor;

/// <summary>
/// One authorisation. The number and CVC come from the vault for this call only and are never kept by it.
/// </summary>
/// <param name="ThreeDSecureCompleted">The buyer finished a 3D Secure challenge for this payment.</param>
/// <param name="SetUpForOffSession">
/// For a payment: the card was saved for off-session use with an authentication (a setup intent). For a verification:
/// the verification is that setup, which the issuer may want authenticated (3D Secure).
/// </param>
/// <param name="IsVerification">A zero-amount check that the card is usable, as attaching it to a customer runs.</param>
public sealed record AuthorizationRequest(
    string CardNumber,
    string? Cvc,
    long Amount,
    string Currency,
    bool ThreeDSecureCompleted = false,
    bool SetUpForOffSession = false,
    bool IsVerification = false)
{
    /// <summary>Never the number: a record's generated ToString would otherwise put it in any log line that prints a request.</summary>
    public override string ToString() => $"AuthorizationRequest {{ Amount = {Amount}, Currency = {Currency} }}";
}
