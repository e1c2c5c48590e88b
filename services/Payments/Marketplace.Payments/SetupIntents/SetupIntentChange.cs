using Marketplace.Api.Context;

namespace Marketplace.Payments.SetupIntents;

/// <summary>Who changes a setup intent: an API request, or the payer on the hosted page (no request, no key).</summary>
internal sealed record SetupIntentChange(string PlatformId, string AccountId, string? RequestId, string? IdempotencyKey)
{
    public static SetupIntentChange From(RequestContext context) => new(context.PlatformId, context.AccountId, context.RequestId, context.IdempotencyKey);

    public static SetupIntentChange FromPage(StoredSetupIntent stored) => new(stored.PlatformId, stored.AccountId, null, null);
}
