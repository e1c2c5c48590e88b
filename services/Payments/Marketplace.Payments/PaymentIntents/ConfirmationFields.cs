using Marketplace.Api.Context;
using Marketplace.Api.Forms;
using Marketplace.Payments.Mandates;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>
/// What a confirm (or a create) says about this attempt. Of <c>payment_method_options</c>, only
/// <c>card[request_incremental_authorization]</c> is taken: the simulated issuers honour it on manually captured cards.
/// </summary>
internal sealed record ConfirmationFields(
    string? PaymentMethod, bool OffSession, string? ReturnUrl, string? SetupFutureUsage, string? ReceiptEmail, string? RequestIncrementalAuthorization,
    MandateRequest Mandate)
{
    public static ConfirmationFields Read(ParameterReader parameters, RequestContext context, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // off_session is a boolean, or one_off / recurring (both off session).
        var offSession = parameters.GetString("off_session") is { } value
            && (value is "true" or "one_off" or "recurring" || (value != "false" && Fail(parameters)));
        parameters.GetBoolean("use_stripe_sdk");
        parameters.GetBoolean("error_on_requires_action");
        return new ConfirmationFields(
            parameters.GetString("payment_method"),
            offSession,
            parameters.GetString("return_url", 2048),
            parameters.GetEnum("setup_future_usage", "on_session", "off_session"),
            parameters.GetString("receipt_email", 800),
            parameters.GetObject("payment_method_options")?.GetObject("card")?.GetEnum("request_incremental_authorization", "if_available", "never"),
            MandateRequest.Read(parameters, context, request));
    }

    static bool Fail(ParameterReader parameters)
    {
        parameters.Fail(Api.Errors.StripeError.InvalidRequest("Invalid off_session: must be true, false, one_off or recurring", "off_session"));
        return false;
    }
}
