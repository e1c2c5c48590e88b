namespace Marketplace.Payments.Authentication;

/// <summary>What a new challenge is about.</summary>
/// <param name="Subject">The intent the payer returns to (<c>pi_…</c> or <c>seti_…</c>).</param>
/// <param name="Reference">The attempt being authenticated: for a payment intent its charge (<c>ch_…</c>), for a setup intent its own id.</param>
/// <param name="Kind">One of <see cref="ChallengeKinds"/>.</param>
/// <param name="ReturnUrl">Where the browser goes afterwards; null shows a "you may close this page" result instead.</param>
/// <param name="ClientSecret">The intent's client secret, which the return URL's query carries as Stripe's does.</param>
public sealed record ChallengeRequest(string Subject, string Reference, string Kind, string? ReturnUrl, string ClientSecret)
{
    /// <summary>Never the client secret: a record's generated ToString would put it in any log line that prints a request.</summary>
    public override string ToString() => $"ChallengeRequest {{ Subject = {Subject}, Reference = {Reference}, Kind = {Kind} }}";
}
