using Marketplace.Data;

namespace Marketplace.Gateway.RequestIds;

/// <summary>Stripe's <c>Request-Id</c>: one <c>req_…</c> per request, minted here and nowhere else.</summary>
public static class RequestId
{
    /// <remarks>
    /// .NET's pre-W3C trace propagator uses a header of the same name, and YARP strips every header of the current
    /// propagator from forwarded requests. The W3C propagator, the default since .NET 10, leaves it alone; switching
    /// back to the old one would silently drop the id on its way to the services (the gateway's tests catch that).
    /// </remarks>
    public const string HeaderName = "Request-Id";

    /// <summary>The name under which traces and logs carry the id, so that one search finds both.</summary>
    public const string TelemetryName = "marketplace.request_id";

    public static string New() => PrefixedId.New("req");
}
