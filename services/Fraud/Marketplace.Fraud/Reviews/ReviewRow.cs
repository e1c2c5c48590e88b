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

    /// <summary>
    /// A review opened now of a payment (Payments assesses charges, <c>ch_…</c>; a <c>pi_…</c> id is shown as the
    /// payment intent), for a <c>rule</c> or by hand (<c>manual</c>), with where the payer was.
    /// </summary>
    public static ReviewRow Opened(string id, string accountId, string paymentId, string reason, string? ipAddress, string? ipCountry, DateTimeOffset now) => new()
    {
        Id = id,
        AccountId = accountId,
        Charge = paymentId.StartsWith("ch_", StringComparison.Ordinal) ? paymentId : null,
        PaymentIntent = paymentId.StartsWith("pi_", StringComparison.Ordinal) ? paymentId : null,
        Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime,
        Open = true,
        OpenedReason = reason,
        Reason = reason,
        IpAddress = ipAddress,
        IpCountry = ipCountry,
    };

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
