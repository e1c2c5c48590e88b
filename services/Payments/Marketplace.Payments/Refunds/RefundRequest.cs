using Marketplace.Api.Forms;
using Marketplace.Api.Metadata;

namespace Marketplace.Payments.Refunds;

/// <summary>What a create asks of a refund, whichever endpoint it came through; the charge is named apart.</summary>
internal sealed record RefundRequest(long? Amount, string? Reason, bool ReverseTransfer, bool RefundApplicationFee, MetadataUpdate Metadata)
{
    public static RefundRequest Read(ParameterReader parameters) => new(
        parameters.GetLong("amount", 1),
        parameters.GetEnum("reason", "duplicate", "fraudulent", "requested_by_customer"),
        parameters.GetBoolean("reverse_transfer") ?? false,
        parameters.GetBoolean("refund_application_fee") ?? false,
        MetadataUpdate.Read(parameters));
}
