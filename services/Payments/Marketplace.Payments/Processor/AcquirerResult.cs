namespace Marketplace.Payments.Processor;

/// <summary>The answer to a capture, void or refund: a reference when it worked, the reason when it did not.</summary>
public sealed record AcquirerResult(string? Reference, CardDecline? Failure)
{
    public bool Succeeded => Failure is null;

    public static AcquirerResult Success(string reference) => new(reference, null);

    public static AcquirerResult Failed(CardDecline failure) => new(null, failure);
}
