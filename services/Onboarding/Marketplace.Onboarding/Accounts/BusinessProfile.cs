namespace Marketplace.Onboarding.Accounts;

/// <summary>Stripe's <c>business_profile</c>: what the business sells and how its customers reach it.</summary>
public sealed record BusinessProfile
{
    /// <summary>The merchant category code, four digits.</summary>
    public string? Mcc { get; init; }

    public string? Name { get; init; }

    public string? ProductDescription { get; init; }

    public Address? SupportAddress { get; init; }

    public string? SupportEmail { get; init; }

    public string? SupportPhone { get; init; }

    public string? SupportUrl { get; init; }

    public string? Url { get; init; }
}
