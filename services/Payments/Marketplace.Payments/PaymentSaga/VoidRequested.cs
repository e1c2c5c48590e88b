namespace Marketplace.Payments.PaymentSaga;

/// <summary>The cancel endpoint asks the saga of an authorised, uncaptured attempt to release the authorisation.</summary>
public sealed record VoidRequested
{
    public required string ChargeId { get; init; }

    public required string CancellationReason { get; init; }
}
