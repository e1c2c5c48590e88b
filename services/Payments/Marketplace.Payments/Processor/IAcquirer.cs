namespace Marketplace.Payments.Processor;

/// <summary>
/// An acquirer as Payments sees it. Every outcome — an approval, a decline, a request for 3D Secure — is a value:
/// a decline is an ordinary answer from a card network, not an exceptional one. Only a broken connection throws.
/// </summary>
public interface IAcquirer
{
    /// <summary>What the acquirer knows of a card before charging it (BIN data, checks, risk hints), for payment methods and Fraud.</summary>
    CardProfile Inspect(string cardNumber);

    /// <summary>The issuer's verdicts on a CVC and an address (each unchecked when not given), without charging.</summary>
    VerificationChecks Verify(string cardNumber, string? cvc, string? addressLine1, string? postalCode);

    Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken);

    /// <summary>Raises an uncaptured authorisation to <paramref name="amount"/> (the new total), as an incremental authorisation.</summary>
    Task<AcquirerResult> IncrementAsync(string authorizationId, long amount, CancellationToken cancellationToken);

    Task<AcquirerResult> CaptureAsync(string authorizationId, long amount, CancellationToken cancellationToken);

    /// <summary>Releases an authorisation that will not be captured.</summary>
    Task<AcquirerResult> VoidAsync(string authorizationId, CancellationToken cancellationToken);

    Task<AcquirerResult> RefundAsync(string authorizationId, long amount, CancellationToken cancellationToken);
}
