using System.Text.Json.Serialization;
using Marketplace.Onboarding.Accounts;

namespace Marketplace.Onboarding.Persons;

/// <summary>
/// A person as stored: what requests set. The ID number and SSN digits are sealed (never plain) and the API shows
/// only that they were provided; identity checks open them.
/// </summary>
public sealed record PersonRecord
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public Dob? Dob { get; init; }

    public Address? Address { get; init; }

    public string? IdNumberSealed { get; init; }

    public string? SsnLast4Sealed { get; init; }

    /// <summary>File ids of the identity document (<c>file_identity_document_success</c> in tests).</summary>
    public string? DocumentFront { get; init; }

    public string? DocumentBack { get; init; }

    public PersonRelationship Relationship { get; init; } = new();

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The fields identity checks look at; a change to any of them means checking again.</summary>
    [JsonIgnore]
    public object VerificationInputs => new { FirstName, LastName, Dob, Address, IdNumberSealed, SsnLast4Sealed, DocumentFront, DocumentBack };
}
