using Marketplace.Api.Forms;
using Marketplace.Api.Metadata;
using Marketplace.Api.Money;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>
/// The fields a create or an update of a payment intent may set, as read from the request; null for what the request
/// did not name. Checks that need no database are made here; the rest (customers, accounts) where it is written.
/// </summary>
internal sealed record PaymentIntentFields
{
    public static readonly string[] MethodTypes = ["card", "sepa_debit", "ideal", "bancontact", "paypal"];

    public long? Amount { get; init; }
    public string? Currency { get; init; }
    public string? Customer { get; init; }
    public string? PaymentMethod { get; init; }
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }
    public string? CaptureMethod { get; init; }
    public string? ConfirmationMethod { get; init; }
    public string? Description { get; init; }
    public string? ReceiptEmail { get; init; }
    public string? StatementDescriptor { get; init; }
    public string? StatementDescriptorSuffix { get; init; }
    public string? SetupFutureUsage { get; init; }
    public string? OnBehalfOf { get; init; }
    public string? Destination { get; init; }
    public long? TransferAmount { get; init; }
    public long? ApplicationFeeAmount { get; init; }
    public string? TransferGroup { get; init; }
    public MetadataUpdate Metadata { get; init; } = MetadataUpdate.None;

    /// <param name="creating">A create also reads what only a create may set (the Connect shape, confirmation method).</param>
    public static PaymentIntentFields Read(ParameterReader parameters, bool creating)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var fields = new PaymentIntentFields
        {
            Amount = creating ? parameters.GetRequiredLong("amount", 0) : parameters.GetLong("amount", 0),
            Currency = creating ? Currencies.ReadRequired(parameters) : Currencies.Read(parameters),
            Customer = parameters.GetString("customer"),
            PaymentMethod = parameters.GetString("payment_method"),
            PaymentMethodTypes = ReadTypes(parameters),
            CaptureMethod = parameters.GetEnum("capture_method", "automatic", "automatic_async", "manual"),
            Description = parameters.GetString("description", 1000),
            ReceiptEmail = parameters.GetString("receipt_email", 800),
            StatementDescriptor = parameters.GetString("statement_descriptor", 22),
            StatementDescriptorSuffix = parameters.GetString("statement_descriptor_suffix", 22),
            SetupFutureUsage = parameters.GetEnum("setup_future_usage", "on_session", "off_session"),
            ApplicationFeeAmount = parameters.GetLong("application_fee_amount", 0),
            TransferGroup = parameters.GetString("transfer_group"),
            Metadata = MetadataUpdate.Read(parameters),
        };
        if (parameters.GetObject("transfer_data") is { } transfer)
        {
            fields = fields with
            {
                Destination = creating ? transfer.GetRequiredString("destination") : null,
                TransferAmount = transfer.GetLong("amount", 0),
            };
        }

        if (!creating)
        {
            return fields;
        }

        if (parameters.GetObject("automatic_payment_methods") is { } automatic)
        {
            // Accepted for SDK defaults; the methods offered are still the ones named, card when none is.
            automatic.GetBoolean("enabled");
            automatic.GetEnum("allow_redirects", "always", "never");
        }

        return fields with
        {
            ConfirmationMethod = parameters.GetEnum("confirmation_method", "automatic", "manual"),
            OnBehalfOf = parameters.GetString("on_behalf_of"),
        };
    }

    /// <summary><c>payment_method_types</c>, or the newer SDKs' <c>allowed_payment_method_types</c>; both name the same list.</summary>
    static IReadOnlyList<string>? ReadTypes(ParameterReader parameters)
    {
        var types = parameters.GetStringList("payment_method_types") ?? parameters.GetStringList("allowed_payment_method_types");
        if (types?.FirstOrDefault(t => !MethodTypes.Contains(t)) is { } unknown)
        {
            parameters.Fail(Api.Errors.StripeError.InvalidRequest(
                $"The payment method type \"{unknown}\" is invalid. Please ensure the provided type is activated in your dashboard "
                + "(https://dashboard.stripe.com/account/payments/settings) and your account is enabled for any preview features that you are trying to use.",
                "payment_method_types"));
        }

        return types;
    }
}
