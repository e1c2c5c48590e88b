using Marketplace.Api.Errors;

namespace Marketplace.Gateway.Authentication;

/// <summary>Stripe's own words for each way a request can fail to authenticate or to be allowed.</summary>
public static class AuthenticationErrors
{
    public static StripeError NoKey() => StripeError.Authentication(
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth "
        + "(e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");

    public static StripeError InvalidKey(string redacted) => StripeError.Authentication($"Invalid API Key provided: {redacted}");

    public static StripeError RevokedKey(string redacted) => StripeError.Authentication(
        $"Expired API Key provided: {redacted}. Application access may have been revoked.", StripeErrorCode.ApiKeyExpired);

    public static StripeError SecretKeyRequired() => StripeError.Authentication(
        "This API call cannot be made with a publishable API key. Please use a secret API key.", StripeErrorCode.SecretKeyRequired);

    public static StripeError MissingPermission(string redacted, string accountId, string resource, string access) => StripeError.Permission(
        $"The provided key '{redacted}' does not have the required permissions for this endpoint on account '{accountId}'. "
        + $"Having the '{resource}' {access} permission would allow this request to continue.");

    /// <summary>Says the same whether the account does not exist or belongs to another platform: nothing leaks across platforms.</summary>
    public static StripeError NoAccessToAccount(string redacted, string accountId) => StripeError.Permission(
        $"The provided key '{redacted}' does not have access to account '{accountId}' (or that account does not exist). "
        + "Application access may have been revoked.", StripeErrorCode.AccountInvalid);
}
