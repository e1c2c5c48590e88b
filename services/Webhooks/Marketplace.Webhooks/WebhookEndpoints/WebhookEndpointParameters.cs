using Marketplace.Api;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Webhooks.Events;

namespace Marketplace.Webhooks.WebhookEndpoints;

/// <summary>Reads and checks the parameters create and update share; failures go to the reader.</summary>
public static class WebhookEndpointParameters
{
    /// <summary>Stripe caps endpoint URLs at 2048 characters.</summary>
    const int MaxUrlLength = 2048;

    public static string? ReadUrl(ParameterReader parameters, bool required)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var url = required ? parameters.GetRequiredString("url", MaxUrlLength) : parameters.GetString("url", MaxUrlLength);
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        // Test mode takes http as well as https (Stripe requires https in live mode only).
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0)
        {
            parameters.Fail(StripeError.InvalidRequest(
                $"Invalid URL: {url}. A webhook endpoint's URL must be an absolute http:// or https:// URL.", "url"));
            return null;
        }

        return url;
    }

    /// <summary>At least one type; each a type this API knows, or <c>*</c>. Repeats are dropped.</summary>
    public static IReadOnlyList<string>? ReadEnabledEvents(ParameterReader parameters, bool required)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        const string Name = "enabled_events";
        if (required && !parameters.Has(Name))
        {
            parameters.Fail(ParameterErrors.Missing(Name));
            return null;
        }

        if (parameters.GetStringList(Name) is not { } types)
        {
            return null;
        }

        if (types.Count == 0)
        {
            parameters.Fail(StripeError.InvalidRequest("enabled_events must name at least one event type, or *.", Name));
            return null;
        }

        for (var i = 0; i < types.Count; i++)
        {
            if (!EventTypes.CanSubscribe(types[i]))
            {
                parameters.Fail(StripeError.InvalidRequest(
                    $"Invalid {Name}[{i}]: '{types[i]}' is not an event type this API sends. Name a known type, or * for all.",
                    $"{Name}[{i}]"));
                return null;
            }
        }

        return [.. types.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Events are rendered in one version only, so an endpoint may ask for that one (or name none).</summary>
    public static string? ReadApiVersion(ParameterReader parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var version = parameters.GetString("api_version");
        if (version is not null && version != StripeApiVersion.Current)
        {
            parameters.Fail(StripeError.InvalidRequest(
                $"Invalid api_version: {version}. This API renders events in {StripeApiVersion.Current} only.", "api_version"));
            return null;
        }

        return version;
    }
}
