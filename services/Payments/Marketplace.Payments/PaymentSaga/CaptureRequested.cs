namespace Marketplace.Payments.PaymentSaga;

/// <summary>The capture endpoint asks the saga of an authorised, uncaptured attempt to capture <see cref="Amount"/> of it.</summary>
public sealed record CaptureRequested
{
    public required string ChargeId { get; init; }

    public required long Amount { get; init; }

    public long? ApplicationFeeAmount { get; init; }
}
