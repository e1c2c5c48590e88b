namespace Marketplace.Payments.SetupIntents;

/// <summary>Stripe's <c>next_action.redirect_to_url</c>: the hosted authentication page, and where it sends the payer afterwards.</summary>
public sealed record SetupIntentRedirectToUrl(string? ReturnUrl, string Url);
