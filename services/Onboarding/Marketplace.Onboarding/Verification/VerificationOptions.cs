namespace Marketplace.Onboarding.Verification;

/// <summary><c>Onboarding:Verification</c>: how long the simulated checks take, and how long a threshold's fields may wait.</summary>
public sealed class VerificationOptions
{
    /// <summary>
    /// How long identity checks take for inputs Stripe does not mark "immediate" (date of birth 1901-01-01 and any
    /// other): a short, durable wait, as Stripe's test mode verifies such accounts after a moment.
    /// </summary>
    public TimeSpan IdentityDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>From verification to <c>current_deadline</c> for the fields the next threshold asks for.</summary>
    public TimeSpan ThresholdGrace { get; set; } = TimeSpan.FromDays(14);
}
