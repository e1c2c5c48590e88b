namespace Marketplace.Webhooks.Deliveries;

/// <summary>How deliveries are attempted (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookDeliveryOptions
{
    public const string Section = "Webhooks";

    /// <summary>Stripe's test mode retries a few times over hours; live mode's three days would outlast a test run.</summary>
    static readonly TimeSpan[] DefaultRetryDelays = [TimeSpan.FromHours(1), TimeSpan.FromHours(3)];

    /// <summary>
    /// The wait before each retry, measured from the failed attempt; one attempt more than there are delays.
    /// Left empty, the default; configuring it replaces the default whole (the binder would merge arrays by index).
    /// </summary>
    public IList<TimeSpan> RetryDelays { get; } = [];

    /// <summary>How long an attempt waits for the response's headers before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An endpoint is disabled when this many deliveries in a row have been given up on.</summary>
    public int DisableAfterFailedDeliveries { get; set; } = 10;

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays.Count == 0 ? DefaultRetryDelays : [.. RetryDelays];

    public int MaxAttempts => EffectiveRetryDelays.Count + 1;
}
