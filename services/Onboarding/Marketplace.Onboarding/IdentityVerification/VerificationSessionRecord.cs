using System.Text.Json.Nodes;

namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>A verification session as stored in <c>verification_sessions.record</c>.</summary>
public sealed record VerificationSessionRecord
{
    /// <summary><c>document</c> or <c>id_number</c>.</summary>
    public required string Type { get; init; }

    /// <summary><c>requires_input</c>, <c>processing</c>, <c>verified</c> or <c>canceled</c>.</summary>
    public string Status { get; init; } = "requires_input";

    public string? ClientReferenceId { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>options</c> hash as given, shown back as Stripe does.</summary>
    public JsonObject Options { get; init; } = [];

    public string? ProvidedEmail { get; init; }

    public string? ProvidedPhone { get; init; }

    public string? RelatedCustomer { get; init; }

    public string? ReturnUrl { get; init; }

    public VerificationSessionLastError? LastError { get; init; }

    public VerifiedOutputs? VerifiedOutputs { get; init; }

    public bool Redacted { get; init; }

    /// <summary>The client secret's random part; the hosted page's URL carries it too. Null once the session left requires_input for good.</summary>
    public string? Secret { get; init; }
}
