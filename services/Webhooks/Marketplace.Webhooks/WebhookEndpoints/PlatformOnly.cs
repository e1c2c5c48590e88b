using Marketplace.Api.Context;
using Marketplace.Api.Errors;

namespace Marketplace.Webhooks.WebhookEndpoints;

/// <summary>
/// Webhook endpoints belong to the platform; a platform hears of its connected accounts through its own Connect
/// endpoints (<c>connect=true</c>). Stripe refuses to manage endpoints through <c>Stripe-Account</c> with a 403
/// permission error saying the permission is not available to Connect applications; this is that answer.
/// </summary>
public static class PlatformOnly
{
    public static StripeError? Refuse(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.IsConnectedAccount
            ? StripeError.Permission(
                $"This application does not have the required permissions for this endpoint on account '{context.AccountId}'. "
                + "The required permissions are not available for use by Connect applications.")
            : null;
    }
}
