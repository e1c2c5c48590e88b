namespace Marketplace.Onboarding.Persons;

/// <summary>The identity document's file ids, and why it failed when it did.</summary>
public sealed record PersonVerificationDocument
{
    public string? Back { get; init; }

    public string? Details { get; init; }

    public string? DetailsCode { get; init; }

    public string? Front { get; init; }
}
