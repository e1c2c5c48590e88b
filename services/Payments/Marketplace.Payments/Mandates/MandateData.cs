using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;

namespace Marketplace.Payments.Mandates;

/// <summary>
/// Reads a confirm's <c>mandate_data[customer_acceptance]</c>. An online acceptance names the payer's IP address and
/// user agent; Stripe.js, calling with a publishable key from the payer's browser, sends <c>infer_from_client</c>
/// instead, and then they are the request's own (the gateway's <c>X-Forwarded-For</c>, which it sets, never passes on).
/// </summary>
internal static class MandateData
{
    const int MaxLength = 5000;

    public static MandateCustomerAcceptance? Read(ParameterReader parameters, RequestContext context, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // Empty, as Stripe's API allows it (its SDKs send it so when the field was set to null): no mandate data.
        if (parameters.Unset("mandate_data") || parameters.GetObject("mandate_data") is not { } mandateData)
        {
            return null;
        }

        if (!mandateData.Has("customer_acceptance"))
        {
            mandateData.Fail(ParameterErrors.Missing(mandateData.PathOf("customer_acceptance")));
            return null;
        }

        var acceptance = mandateData.GetObject("customer_acceptance");
        if (acceptance is null)
        {
            return null;
        }

        var type = acceptance.GetRequiredEnum("type", "online", "offline");
        var acceptedAt = acceptance.GetTimestamp("accepted_at") ?? DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        // Stripe's empty hash for offline arrives as an empty value from form encoders.
        if (!acceptance.Unset("offline"))
        {
            acceptance.GetObject("offline");
        }

        var online = acceptance.GetObject("online");
        if (type == "online" && online is null && !acceptance.Failed)
        {
            acceptance.Fail(ParameterErrors.Missing(acceptance.PathOf("online")));
        }

        var where = online is null ? null : ReadOnline(online, context, request);
        return acceptance.Failed
            ? null
            : new MandateCustomerAcceptance
            {
                AcceptedAt = acceptedAt,
                Type = type,
                Offline = type == "offline" ? new Dictionary<string, object>() : null,
                Online = type == "online" ? where : null,
            };
    }

    static MandateOnlineAcceptance? ReadOnline(ParameterReader online, RequestContext context, HttpRequest request)
    {
        if (online.GetBoolean("infer_from_client") is true)
        {
            if (context.KeyKind != ApiKeyKind.Publishable)
            {
                online.Fail(StripeError.InvalidRequest(
                    "infer_from_client can only be used with a publishable key, from the payer's browser: pass ip_address and user_agent instead.",
                    online.PathOf("infer_from_client")));
                return null;
            }

            return new MandateOnlineAcceptance(ClientAddress(request), request.Headers.UserAgent.ToString());
        }

        var ipAddress = online.GetRequiredString("ip_address", MaxLength);
        var userAgent = online.GetRequiredString("user_agent", MaxLength);
        return new MandateOnlineAcceptance(ipAddress, userAgent);
    }

    /// <summary>The payer's address as the gateway saw it: the first of <c>X-Forwarded-For</c>, else the connection's.</summary>
    static string ClientAddress(HttpRequest request) =>
        request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim() is { Length: > 0 } forwarded
            ? forwarded
            : request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";
}
