using Marketplace.Api.Lists;
using Marketplace.Onboarding.ExternalAccounts;
using Marketplace.Onboarding.Persons;
using Marketplace.Onboarding.Requirements;
using Npgsql;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// An account with its persons and bank accounts, and everything that follows from them: which required fields are
/// missing (named as Stripe names them: <c>individual.dob.day</c>, <c>representative.first_name</c> before the
/// representative exists, <c>person_….first_name</c> after), the requirements hash, the capabilities' statuses and
/// whether the account may charge and be paid out. Pure: the same inputs always render the same account.
/// </summary>
public sealed class AccountView
{
    readonly List<string> _missingNow = [];
    readonly List<string> _missingEventually = [];
    readonly List<string> _thresholdMissing = [];
    readonly List<string> _submitted = [];
    AccountRequirements? _requirements;
    Account? _rendered;

    public AccountView(StoredAccount account, IReadOnlyList<StoredPerson> persons, IReadOnlyList<BankAccount> bankAccounts)
    {
        ArgumentNullException.ThrowIfNull(account);
        Stored = account;
        Persons = persons;
        BankAccounts = bankAccounts;
        var record = account.Record;
        var (now, eventually) = RequirementRules.For(record.Country, record.BusinessType, record.Capabilities.Keys);
        foreach (var field in now)
        {
            Resolve(field, _missingNow);
        }

        foreach (var field in eventually)
        {
            Resolve(field, _missingEventually);
        }

        foreach (var field in record.Verification.ThresholdDue)
        {
            Resolve(field, _thresholdMissing);
        }
    }

    public StoredAccount Stored { get; }

    /// <summary>The account with its persons and bank accounts as they are now (in <paramref name="transaction"/> when given).</summary>
    public static async Task<AccountView> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, StoredAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var persons = await PersonStore.ListAsync(connection, transaction, account.Id, cancellationToken);
        var bankAccounts = await ExternalAccountStore.ListAsync(connection, transaction, account.Id, cancellationToken);
        return new AccountView(account, persons, bankAccounts);
    }

    public IReadOnlyList<StoredPerson> Persons { get; }

    public IReadOnlyList<BankAccount> BankAccounts { get; }

    AccountRecord Record => Stored.Record;

    /// <summary>True when every field needed to enable the capabilities is in, and none failed its check.</summary>
    public bool IsComplete => _missingNow.Count == 0 && Record.Verification.Errors.Count == 0;

    /// <summary>The eventually-due fields still missing: what the next threshold asks for.</summary>
    public IReadOnlyList<string> MissingEventually => _missingEventually;

    /// <summary>The representative of a company, once one exists.</summary>
    public StoredPerson? Representative => Persons.FirstOrDefault(p => p.Record.Relationship.Representative == true);

    /// <summary>The people identity checks and sanctions screening look at: the individual, or every person of a company.</summary>
    public IEnumerable<(string Prefix, string Id, PersonRecord Person)> Holders =>
        Record.BusinessType == "individual"
            ? Record.Individual is { } individual ? [("individual", Record.IndividualId, individual)] : []
            : Persons.Select(p => (p.Id, p.Id, p.Record));

    /// <summary>Computed once: the view's inputs never change.</summary>
    public AccountRequirements Requirements() => _requirements ??= ComputeRequirements();

    AccountRequirements ComputeRequirements()
    {
        var verification = Record.Verification;
        if (verification.Status == "rejected")
        {
            return new AccountRequirements { DisabledReason = verification.RejectedReason };
        }

        var errors = verification.Errors.Select(e => e.Requirement);
        var currentlyDue = Sorted(_missingNow.Concat(errors).Concat(_thresholdMissing));
        var pastDue = Sorted(_missingNow.Concat(errors).Concat(verification.PastDue ? _thresholdMissing : []));
        var pending = verification.Status == "pending" ? Sorted(_submitted) : [];
        return new AccountRequirements
        {
            CurrentDeadline = _thresholdMissing.Count > 0 && !verification.PastDue ? verification.CurrentDeadline : null,
            CurrentlyDue = currentlyDue,
            DisabledReason = pastDue.Count > 0 ? "requirements.past_due"
                : pending.Count > 0 ? "requirements.pending_verification"
                : verification.ChargesBlocked || verification.PayoutsBlocked ? "under_review"
                : null,
            Errors = verification.Errors,
            EventuallyDue = Sorted(currentlyDue.Concat(_missingEventually)),
            PastDue = pastDue,
            PendingVerification = pending,
        };
    }

    public IReadOnlyDictionary<string, string> Capabilities()
    {
        var requirements = Requirements();
        var status = Record.Verification.Status switch
        {
            "rejected" => "inactive",
            _ when requirements.PastDue.Count > 0 => "inactive",
            "verified" => "active",
            "pending" => "pending",
            _ => "inactive",
        };
        var blocked = Record.Verification.ChargesBlocked;
        return new SortedDictionary<string, string>(
            Record.Capabilities.Keys.ToDictionary(name => name, name => blocked && IsPayment(name) ? "inactive" : status), StringComparer.Ordinal);
    }

    /// <summary>A capability to take payments (<c>card_payments</c>, <c>sepa_debit_payments</c>…), as opposed to <c>transfers</c>.</summary>
    static bool IsPayment(string capability) => capability.EndsWith("_payments", StringComparison.Ordinal);

    /// <summary>Rendered once: a write compares, announces and answers with the same rendering.</summary>
    public Account Render() => _rendered ??= RenderAccount();

    Account RenderAccount()
    {
        var requirements = Requirements();
        var capabilities = Capabilities();
        var defaultBankAccounts = BankAccounts.OrderByDescending(b => b.DefaultForCurrency).ThenByDescending(b => b.Id, StringComparer.Ordinal).ToList();
        return new Account
        {
            Id = Stored.Id,
            BusinessProfile = Record.BusinessProfile,
            BusinessType = Record.BusinessType,
            Capabilities = capabilities,
            ChargesEnabled = capabilities.Any(c => IsPayment(c.Key) && c.Value == "active"),
            Company = Record.Company?.ToCompany(),
            Controller = Record.Controller,
            Country = Record.Country,
            Created = Stored.Created,
            DefaultCurrency = Record.DefaultCurrency,
            DetailsSubmitted = Record.Verification.DetailsSubmitted,
            Email = Record.Email,
            ExternalAccounts = new StripeList<BankAccount>(defaultBankAccounts, false, $"/v1/accounts/{Stored.Id}/external_accounts"),
            FutureRequirements = new AccountRequirements(),
            Individual = Record.BusinessType == "individual" || Record.Individual is not null
                ? RenderPerson(Record.IndividualId, Stored.Created, Record.Individual ?? new PersonRecord(), "individual")
                : null,
            Metadata = Record.Metadata,
            PayoutsEnabled = BankAccounts.Count > 0 && capabilities.Values.Any(status => status == "active") && !Record.Verification.PayoutsBlocked,
            Requirements = requirements,
            Settings = new AccountSettings(new AccountPayoutSettings { Schedule = Record.PayoutSchedule, StatementDescriptor = Record.PayoutStatementDescriptor }),
            TosAcceptance = Record.TosAcceptance,
            Type = Record.Type,
        };
    }

    public Person RenderPerson(StoredPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return RenderPerson(person.Id, person.Created, person.Record, person.Id);
    }

    Person RenderPerson(string id, DateTimeOffset created, PersonRecord person, string prefix)
    {
        var requirements = Requirements();
        var start = prefix + ".";
        IReadOnlyList<string> Own(IEnumerable<string> fields) =>
            [.. fields.Where(f => f.StartsWith(start, StringComparison.Ordinal)).Select(f => f[start.Length..])];
        var documentError = Record.Verification.Errors.FirstOrDefault(e => e.Requirement == start + "verification.document");
        var checkedFields = Record.Verification.Errors.Where(e => e.Requirement.StartsWith(start, StringComparison.Ordinal)).ToList();
        return new Person
        {
            Id = id,
            Account = Stored.Id,
            Address = person.Address,
            Created = created,
            Dob = person.Dob,
            Email = person.Email,
            FirstName = person.FirstName,
            IdNumberProvided = person.IdNumberSealed is not null,
            LastName = person.LastName,
            Metadata = person.Metadata,
            Phone = person.Phone,
            Relationship = person.Relationship,
            Requirements = new PersonRequirements
            {
                CurrentlyDue = Own(requirements.CurrentlyDue),
                Errors = [.. requirements.Errors.Where(e => e.Requirement.StartsWith(start, StringComparison.Ordinal)).Select(e => e with { Requirement = e.Requirement[start.Length..] })],
                EventuallyDue = Own(requirements.EventuallyDue),
                PastDue = Own(requirements.PastDue),
                PendingVerification = Own(requirements.PendingVerification),
            },
            SsnLast4Provided = person.SsnLast4Sealed is not null,
            Verification = new PersonVerification
            {
                Document = new PersonVerificationDocument
                {
                    Back = person.DocumentBack,
                    Front = person.DocumentFront,
                    Details = documentError?.Reason,
                    DetailsCode = documentError?.Code,
                },
                Details = checkedFields.FirstOrDefault()?.Reason,
                DetailsCode = checkedFields.FirstOrDefault()?.Code,
                Status = Record.Verification.Status switch
                {
                    _ when checkedFields.Count > 0 => "unverified",
                    "verified" => "verified",
                    "pending" => "pending",
                    _ => "unverified",
                },
            },
        };
    }

    /// <summary>Records <paramref name="field"/> as missing (under its rendered name) or as submitted for verification.</summary>
    void Resolve(string field, List<string> missing)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var (scope, rest) = dot < 0 ? (field, "") : (field[..dot], field[(dot + 1)..]);
        switch (scope)
        {
            case "individual":
                ResolvePerson(Record.Individual, "individual", rest, field, missing);
                return;
            case "representative" when Representative is { } representative:
                ResolvePerson(representative.Record, representative.Id, rest, field, missing);
                return;
            case "representative":
                missing.Add(field);
                return;
        }

        if (!IsProvided(field))
        {
            missing.Add(field);
        }
    }

    void ResolvePerson(PersonRecord? person, string prefix, string field, string requirement, List<string> missing)
    {
        var name = $"{prefix}.{field}";
        if (person is null || !IsProvided(person, field))
        {
            missing.Add(prefix == "individual" ? requirement : name);
        }
        else if (field is "first_name" or "last_name" or "dob.day" or "dob.month" or "dob.year" or "address.line1" or "id_number"
            or "ssn_last_4" or "verification.document")
        {
            _submitted.Add(name);
        }
    }

    bool IsProvided(string field) => field switch
    {
        "business_type" => Record.BusinessType is not null,
        "external_account" => BankAccounts.Count > 0,
        "tos_acceptance.date" => Record.TosAcceptance.Date is not null,
        "tos_acceptance.ip" => Record.TosAcceptance.Ip is not null,
        "business_profile.mcc" => Record.BusinessProfile.Mcc is not null,
        // Stripe takes a product description instead of a website.
        "business_profile.url" => Record.BusinessProfile.Url is not null || Record.BusinessProfile.ProductDescription is not null,
        "company.name" => Record.Company?.Name is not null,
        "company.phone" => Record.Company?.Phone is not null,
        "company.tax_id" => Record.Company?.TaxIdSealed is not null,
        "company.address.line1" => Record.Company?.Address?.Line1 is not null,
        "company.address.city" => Record.Company?.Address?.City is not null,
        "company.address.postal_code" => Record.Company?.Address?.PostalCode is not null,
        "company.address.state" => Record.Company?.Address?.State is not null,
        "company.owners_provided" => Record.Company?.OwnersProvided == true,
        "company.directors_provided" => Record.Company?.DirectorsProvided == true,
        "company.executives_provided" => Record.Company?.ExecutivesProvided == true,
        _ => false,
    };

    static bool IsProvided(PersonRecord person, string field) => field switch
    {
        "first_name" => person.FirstName is not null,
        "last_name" => person.LastName is not null,
        "email" => person.Email is not null,
        "phone" => person.Phone is not null,
        "dob.day" => person.Dob?.Day is not null,
        "dob.month" => person.Dob?.Month is not null,
        "dob.year" => person.Dob?.Year is not null,
        "address.line1" => person.Address?.Line1 is not null,
        "address.city" => person.Address?.City is not null,
        "address.postal_code" => person.Address?.PostalCode is not null,
        "address.state" => person.Address?.State is not null,
        "id_number" => person.IdNumberSealed is not null,
        "ssn_last_4" => person.SsnLast4Sealed is not null || person.IdNumberSealed is not null,
        "verification.document" => person.DocumentFront is not null,
        "relationship.title" => person.Relationship.Title is not null,
        _ => false,
    };

    static List<string> Sorted(IEnumerable<string> fields) => [.. fields.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
