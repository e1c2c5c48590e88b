namespace Marketplace.Payments.Disputes;

/// <summary>Stripe's dispute <c>status</c> values (<c>prevented</c> needs a network alert service this platform does not have).</summary>
public static class DisputeStatuses
{
    public const string WarningNeedsResponse = "warning_needs_response";
    public const string WarningUnderReview = "warning_under_review";
    public const string WarningClosed = "warning_closed";
    public const string NeedsResponse = "needs_response";
    public const string UnderReview = "under_review";
    public const string Won = "won";
    public const string Lost = "lost";

    /// <summary>Whether the dispute has its final outcome.</summary>
    public static bool IsClosed(string status) => status is Won or Lost or WarningClosed;

    /// <summary>Whether the platform may still change and submit evidence.</summary>
    public static bool AwaitsResponse(string status) => status is NeedsResponse or WarningNeedsResponse;
}
