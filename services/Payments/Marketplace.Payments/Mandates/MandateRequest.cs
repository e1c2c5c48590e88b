using Marketplace.Api.Context;
using Marketplace.Api.Forms;

namespace Marketplace.Payments.Mandates;

/// <summary>
/// What a confirm says about the mandate of its debit: a new acceptance (<c>mandate_data</c>), an existing mandate
/// (<c>mandate</c>), or nothing — then the method's own active mandate, if it has one.
/// </summary>
internal sealed record MandateRequest(MandateCustomerAcceptance? Acceptance, string? MandateId)
{
    public bool IsEmpty => Acceptance is null && MandateId is null;

    public static MandateRequest Read(ParameterReader parameters, RequestContext context, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var mandateId = parameters.GetString("mandate", 100);
        var acceptance = MandateData.Read(parameters, context, request);
        if (mandateId is not null && acceptance is not null)
        {
            parameters.Fail(ParameterErrors.Exclusive("mandate", "mandate_data"));
        }

        return new MandateRequest(acceptance, mandateId);
    }
}
