namespace Marketplace.Onboarding.Persons;

/// <summary>Stripe's person <c>verification</c> hash: <c>unverified</c>, <c>pending</c> or <c>verified</c>.</summary>
public sealed record PersonVerification
{
    public object? AdditionalDocument { get; init; }

    public string? Details { get; init; }

    public string? DetailsCode { get; init; }

    public required PersonVerificationDocument Document { get; init; }

    public required string Status { get; init; }
}
