using Marketplace.Onboarding.Accounts;

namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>A <c>verification_sessions</c> row.</summary>
public sealed record StoredVerificationSession
{
    public const string Columns = "id, platform_id, account_id, created, record::text AS record";

    public required string Id { get; init; }
    public required string PlatformId { get; init; }
    public required string AccountId { get; init; }
    public DateTime Created { get; init; }
    public required string Record { get; init; }

    public VerificationSessionRecord Read() => RecordJson.Read<VerificationSessionRecord>(Record);

    /// <summary>The session as the API shows it; the URL and client secret only while it waits for input.</summary>
    public VerificationSession Render(Uri publicBaseUrl)
    {
        var record = Read();
        var waiting = record.Status == "requires_input" && record.Secret is not null;
        return new VerificationSession
        {
            Id = Id,
            ClientReferenceId = record.ClientReferenceId,
            ClientSecret = waiting ? $"{Id}_secret_{record.Secret}" : null,
            Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
            LastError = record.LastError,
            Metadata = record.Metadata,
            Options = record.Options,
            ProvidedDetails = record.ProvidedEmail is null && record.ProvidedPhone is null
                ? null
                : new System.Text.Json.Nodes.JsonObject { ["email"] = record.ProvidedEmail, ["phone"] = record.ProvidedPhone },
            Redaction = record.Redacted ? new VerificationSessionRedaction("redacted") : null,
            RelatedCustomer = record.RelatedCustomer,
            Status = record.Status,
            Type = record.Type,
            Url = waiting ? new Uri(publicBaseUrl, $"connect/identity/{record.Secret}").ToString() : null,
            VerifiedOutputs = record.VerifiedOutputs,
        };
    }
}
