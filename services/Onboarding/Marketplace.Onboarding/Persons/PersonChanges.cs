using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Metadata;
using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Secrets;

namespace Marketplace.Onboarding.Persons;

/// <summary>
/// Reads a person's parameters — at <c>/v1/accounts/{id}/persons</c>, or as <c>individual[…]</c> of an account — and
/// applies them to what is stored. ID numbers are sealed as soon as they are read, so the clear value lives only in
/// this request.
/// </summary>
internal static class PersonChanges
{
    static readonly DateOnly EarliestDob = new(1900, 1, 1);

    /// <summary>The person after the request, or <paramref name="current"/> unchanged when a failure was recorded on the reader.</summary>
    public static PersonRecord Apply(ParameterReader reader, PersonRecord current, SecretSealer sealer, bool withRelationship)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(current);
        var metadata = MetadataUpdate.Read(reader);
        var person = current with
        {
            FirstName = Parameters.Text(reader, "first_name", current.FirstName, 100),
            LastName = Parameters.Text(reader, "last_name", current.LastName, 100),
            Email = Parameters.Email(reader, "email", current.Email),
            Phone = Parameters.Text(reader, "phone", current.Phone, 30),
            Dob = ReadDob(reader, current.Dob),
            Address = Parameters.ReadAddress(reader, "address", current.Address),
            IdNumberSealed = ReadSealed(reader, "id_number", current.IdNumberSealed, sealer, IsIdNumber, "It must be 4 to 20 letters or digits."),
            SsnLast4Sealed = ReadSealed(reader, "ssn_last_4", current.SsnLast4Sealed, sealer, v => v.Length == 4 && v.All(char.IsAsciiDigit), "It must be 4 digits."),
            Relationship = withRelationship ? ReadRelationship(reader, current.Relationship) : current.Relationship,
        };
        if (reader.GetObject("verification") is { } verification && verification.GetObject("document") is { } document)
        {
            person = person with
            {
                DocumentFront = ReadFile(document, "front", person.DocumentFront),
                DocumentBack = ReadFile(document, "back", person.DocumentBack),
            };
        }

        if (!metadata.TryApply(current.Metadata, out var applied, out var error))
        {
            reader.Fail(error);
            return current;
        }

        return person with { Metadata = applied };
    }

    static bool IsIdNumber(string value) => value.Length is >= 4 and <= 20 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    static string? ReadSealed(ParameterReader reader, string name, string? current, SecretSealer sealer, Func<string, bool> valid, string rule)
    {
        if (reader.GetString(name, 100) is not { } value)
        {
            return current;
        }

        if (!valid(value))
        {
            // The value itself is not repeated: it is an identity number.
            reader.Fail(StripeError.InvalidRequest($"Invalid {name}. {rule}", reader.PathOf(name)));
            return current;
        }

        return sealer.Seal(value);
    }

    static string? ReadFile(ParameterReader reader, string name, string? current)
    {
        var file = Parameters.Text(reader, name, current, 500);
        if (file is not null && file != current && !file.StartsWith("file_", StringComparison.Ordinal))
        {
            reader.Fail(StripeError.InvalidRequest($"No such file upload: '{file}'", reader.PathOf(name), "resource_missing"));
            return current;
        }

        return file;
    }

    static Dob? ReadDob(ParameterReader reader, Dob? current)
    {
        if (reader.Unset("dob"))
        {
            return null;
        }

        if (reader.GetObject("dob") is not { } dob)
        {
            return current;
        }

        var day = (int)dob.GetRequiredLong("day", 1, 31);
        var month = (int)dob.GetRequiredLong("month", 1, 12);
        var year = (int)dob.GetRequiredLong("year", 1900, 9999);
        var read = new Dob(day, month, year);
        if (!dob.Failed && (read.Date is not { } date || date < EarliestDob || date > DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            reader.Fail(StripeError.InvalidRequest("Invalid dob: it must be a real date from 1900-01-01 to today.", reader.PathOf("dob")));
            return current;
        }

        return read;
    }

    static PersonRelationship ReadRelationship(ParameterReader reader, PersonRelationship current)
    {
        if (reader.GetObject("relationship") is not { } relationship)
        {
            return current;
        }

        return new PersonRelationship
        {
            Authorizer = Parameters.Flag(relationship, "authorizer", current.Authorizer),
            Director = Parameters.Flag(relationship, "director", current.Director),
            Executive = Parameters.Flag(relationship, "executive", current.Executive),
            LegalGuardian = Parameters.Flag(relationship, "legal_guardian", current.LegalGuardian),
            Owner = Parameters.Flag(relationship, "owner", current.Owner),
            PercentOwnership = Parameters.Decimal(relationship, "percent_ownership", current.PercentOwnership, 0, 100),
            Representative = Parameters.Flag(relationship, "representative", current.Representative),
            Title = Parameters.Text(relationship, "title", current.Title, 100),
        };
    }
}
