namespace Marketplace.Api.Errors;

/// <summary>The values of <c>error.code</c> this library produces itself; services add their own (card declines…).</summary>
public static class StripeErrorCode
{
    public const string AccountInvalid = "account_invalid";
    public const string AmountTooLarge = "amount_too_large";
    public const string AmountTooSmall = "amount_too_small";
    public const string ApiKeyExpired = "api_key_expired";
    public const string InvalidChargeAmount = "invalid_charge_amount";
    public const string LockTimeout = "lock_timeout";
    public const string ParameterInvalidEmpty = "parameter_invalid_empty";
    public const string ParameterInvalidInteger = "parameter_invalid_integer";
    public const string ParameterInvalidStringEmpty = "parameter_invalid_string_empty";
    public const string ParameterMissing = "parameter_missing";
    public const string ParameterUnknown = "parameter_unknown";
    public const string ParametersExclusive = "parameters_exclusive";
    public const string RateLimit = "rate_limit";
    public const string ResourceMissing = "resource_missing";
    public const string SecretKeyRequired = "secret_key_required";
}
