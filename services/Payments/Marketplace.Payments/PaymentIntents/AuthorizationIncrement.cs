using Marketplace.Api.Forms;
using Marketplace.Api.Metadata;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>The parameters of <c>POST /v1/payment_intents/{id}/increment_authorization</c>: the new total, and what it changes beside.</summary>
internal sealed record AuthorizationIncrement(long Amount, long? ApplicationFeeAmount, string? Description, long? TransferAmount, MetadataUpdate Metadata)
{
    public static AuthorizationIncrement Read(ParameterReader parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new AuthorizationIncrement(
            parameters.GetRequiredLong("amount", 1),
            parameters.GetLong("application_fee_amount", 0),
            parameters.GetString("description", 1000),
            parameters.GetObject("transfer_data")?.GetLong("amount", 0),
            MetadataUpdate.Read(parameters));
    }
}
