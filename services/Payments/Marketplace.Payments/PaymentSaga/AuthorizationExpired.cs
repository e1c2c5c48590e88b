namespace Marketplace.Payments.PaymentSaga;

/// <summary>Scheduled when an attempt waits for its capture; arriving before the capture, it releases the authorisation.</summary>
public sealed record AuthorizationExpired
{
    public required string ChargeId { get; init; }
}
