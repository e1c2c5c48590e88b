namespace Marketplace.Fraud.Reviews;

/// <summary>A <c>reviews</c> row as Dapper reads it.</summary>
internal sealed record ReviewRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public string? Charge { get; init; }
    public string? PaymentIntent { get; init; }
    public DateTime Created { get; init; }
    public bool Open { get; init; }
    public required string OpenedReason { get; init; }
    public required string Reason { get; init; }
    public string? ClosedReason { get; init; }
    public string? IpAddress { get; init; }
    public string? IpCountry { get; init; }

    public Review ToReview() => new()
    {
        Id = Id,
        Charge = Charge,
        PaymentIntent = PaymentIntent,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        Open = Open,
        OpenedReason = OpenedReason,
        Reason = Reason,
        ClosedReason = ClosedReason,
        IpAddress = IpAddress,
        IpAddressLocation = IpAddress is null ? null : new ReviewIpAddressLocation(null, IpCountry, null, null, null),
    };
}
