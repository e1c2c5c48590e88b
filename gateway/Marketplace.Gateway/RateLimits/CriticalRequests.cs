using System.Text.RegularExpressions;

namespace Marketplace.Gateway.RateLimits;

/// <summary>The writes that move money or complete a payment: what the load shedder keeps capacity for.</summary>
public static partial class CriticalRequests
{
    public static bool Includes(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method) && MoneyMovingPath().IsMatch(request.Path.Value ?? "");
    }

    [GeneratedRegex("^/v1/(payment_intents|setup_intents|charges|refunds|payouts|transfers)(/|$)")]
    private static partial Regex MoneyMovingPath();
}
