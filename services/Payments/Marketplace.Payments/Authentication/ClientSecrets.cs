using System.Security.Cryptography;
using System.Text;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;

namespace Marketplace.Payments.Authentication;

/// <summary>
/// A publishable key (browser code) reads and confirms a payment or setup intent only with the intent's client secret,
/// which the gateway leaves to the owning service to check; a secret key may send one too, and then it must match.
/// </summary>
public static class ClientSecrets
{
    /// <param name="objectName">Stripe's name of the intent in messages: <c>PaymentIntent</c>, <c>SetupIntent</c>.</param>
    public static StripeError? Check(RequestContext context, string objectName, string expected, string? given)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(expected);
        return given switch
        {
            null when context.KeyKind == ApiKeyKind.Publishable =>
                StripeError.InvalidRequest($"A publishable key needs the {objectName}'s client_secret to read or confirm it.", "client_secret"),
            null => null,
            _ when CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)) => null,
            _ => StripeError.InvalidRequest($"The client_secret provided does not match the client_secret associated with the {objectName}.", "client_secret"),
        };
    }
}
