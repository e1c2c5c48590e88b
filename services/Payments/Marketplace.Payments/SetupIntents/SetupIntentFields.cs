using Marketplace.Api.Forms;
using Marketplace.Api.Metadata;
using Marketplace.Payments.PaymentMethods;

namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// The parameters create and update share. Each is null when not sent; <c>description=</c> (empty) clears the
/// description. The allowed types come as <c>allowed_payment_method_types[]</c> (the endive name Stripe.net 53 sends)
/// or <c>payment_method_types[]</c> (the older one), not both.
/// </summary>
internal sealed record SetupIntentFields
{
    public string? Customer { get; init; }
    public string? Description { get; init; }
    public bool ClearDescription { get; init; }
    public required MetadataUpdate Metadata { get; init; }
    public string? PaymentMethod { get; init; }
    public IReadOnlyList<string>? PaymentMethodTypes { get; init; }
    public IReadOnlyList<string>? FlowDirections { get; init; }

    public static SetupIntentFields Read(ParameterReader parameters)
    {
        var clearDescription = parameters.Unset("description");
        return new SetupIntentFields
        {
            Customer = parameters.GetString("customer", 100),
            Description = clearDescription ? null : parameters.GetString("description", 1000),
            ClearDescription = clearDescription,
            Metadata = MetadataUpdate.Read(parameters),
            PaymentMethod = parameters.GetString("payment_method", 100),
            PaymentMethodTypes = ReadTypes(parameters),
            FlowDirections = ReadEach(parameters, "flow_directions", ["inbound", "outbound"]),
        };
    }

    static IReadOnlyList<string>? ReadTypes(ParameterReader parameters)
    {
        if (parameters.Has("allowed_payment_method_types") && parameters.Has("payment_method_types"))
        {
            // Both read, so that the answer is this error rather than one of them reported as unknown.
            parameters.GetStringList("allowed_payment_method_types");
            parameters.GetStringList("payment_method_types");
            parameters.Fail(ParameterErrors.Exclusive("allowed_payment_method_types", "payment_method_types"));
            return null;
        }

        var name = parameters.Has("payment_method_types") ? "payment_method_types" : "allowed_payment_method_types";
        return ReadEach(parameters, name, PaymentMethods.PaymentMethodTypes.All);
    }

    /// <summary>A list of enum values, duplicates dropped; a value outside <paramref name="allowed"/> fails with its index.</summary>
    static IReadOnlyList<string>? ReadEach(ParameterReader parameters, string name, IReadOnlyList<string> allowed)
    {
        if (parameters.GetStringList(name, 100) is not { } values)
        {
            return null;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!allowed.Contains(values[i], StringComparer.Ordinal))
            {
                parameters.Fail(ParameterErrors.InvalidEnum($"{parameters.PathOf(name)}[{i}]", allowed));
                return null;
            }
        }

        return [.. values.Distinct(StringComparer.Ordinal)];
    }
}
