namespace Marketplace.Onboarding.Accounts;

/// <summary>A company as stored; its tax id is sealed, and the API shows only <c>tax_id_provided</c>.</summary>
public sealed record CompanyRecord
{
    public Address? Address { get; init; }

    public bool DirectorsProvided { get; init; }

    public bool ExecutivesProvided { get; init; }

    public string? Name { get; init; }

    public bool OwnersProvided { get; init; }

    public string? Phone { get; init; }

    public string? Structure { get; init; }

    public string? TaxIdSealed { get; init; }

    public string? VatIdSealed { get; init; }

    public Company ToCompany() => new()
    {
        Address = Address,
        DirectorsProvided = DirectorsProvided,
        ExecutivesProvided = ExecutivesProvided,
        Name = Name,
        OwnersProvided = OwnersProvided,
        Phone = Phone,
        Structure = Structure,
        TaxIdProvided = TaxIdSealed is not null,
        VatIdProvided = VatIdSealed is not null,
    };
}
