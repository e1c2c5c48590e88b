namespace Marketplace.Payments.Authentication;

/// <summary>Stripe's <c>next_action.redirect_to_url</c>: the hosted authentication page, and where it sends the payer afterwards.</summary>
public sealed record RedirectToUrl(string? ReturnUrl, string Url);
