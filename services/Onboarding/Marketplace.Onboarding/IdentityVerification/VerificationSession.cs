using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>Stripe's <c>identity.verification_session</c>.</summary>
public sealed record VerificationSession : StripeObject
{
    protected override string TypeName => "identity.verification_session";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public string? ClientReferenceId { get; init; }

    /// <summary>For the browser's SDK; present while the session waits for input, as Stripe shows it.</summary>
    public string? ClientSecret { get; init; }

    public required DateTimeOffset Created { get; init; }

    public VerificationSessionLastError? LastError { get; init; }

    /// <summary>An expandable id; verification reports are not kept separately here, so it stays null.</summary>
    public string? LastVerificationReport { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public JsonObject Options { get; init; } = [];

    public JsonObject? ProvidedDetails { get; init; }

    public VerificationSessionRedaction? Redaction { get; init; }

    public string? RelatedCustomer { get; init; }

    public required string Status { get; init; }

    public required string Type { get; init; }

    /// <summary>The hosted verification page, while the session waits for input.</summary>
    public string? Url { get; init; }

    public VerifiedOutputs? VerifiedOutputs { get; init; }
}
