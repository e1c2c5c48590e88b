using Marketplace.Onboarding.Accounts;
using Marketplace.Onboarding.Requirements;
using Marketplace.Onboarding.Secrets;

namespace Marketplace.Onboarding.Verification;

/// <summary>
/// The simulated identity provider, honouring Stripe's test values: address line1 <c>address_no_match</c> fails,
/// ID number <c>111111111</c> mismatches, document <c>file_identity_document_failure</c> fails; date of birth
/// <c>1902-01-01</c> or ID number <c>222222222</c> verify immediately, anything else after a short wait.
/// </summary>
public static class IdentityChecks
{
    static readonly DateOnly ImmediateDob = new(1902, 1, 1);

    public static (IReadOnlyList<RequirementError> Errors, bool Immediate) Check(AccountView account, SecretSealer sealer)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(sealer);
        var errors = new List<RequirementError>();
        var immediate = true;
        foreach (var (prefix, _, person) in account.Holders)
        {
            var idNumber = person.IdNumberSealed is { } sealedId ? sealer.Open(sealedId) : null;
            if (person.Address?.Line1 == "address_no_match")
            {
                errors.Add(new RequirementError("verification_failed_address_match",
                    "The address could not be matched to the person's identity.", $"{prefix}.address.line1"));
            }

            if (idNumber == "111111111")
            {
                errors.Add(new RequirementError("verification_failed_id_number_match",
                    "The ID number does not match the person's name and date of birth.", $"{prefix}.id_number"));
            }

            if (person.DocumentFront == "file_identity_document_failure" || person.DocumentBack == "file_identity_document_failure")
            {
                errors.Add(new RequirementError("verification_document_failed_other",
                    "The identity document could not be verified.", $"{prefix}.verification.document"));
            }

            immediate &= person.Dob?.Date == ImmediateDob || idNumber == "222222222";
        }

        return (errors, immediate);
    }
}
