using Marketplace.Onboarding.ExternalAccounts;

namespace Marketplace.Onboarding.Tests.ExternalAccounts;

/// <summary>IBANs by country length and ISO 13616 mod-97 checksum; US accounts by their ABA routing checksum.</summary>
public sealed class BankAccountNumberTests
{
    [Theory]
    [InlineData("FR", "FR1420041010050500013M02606")]
    [InlineData("FR", "fr14 2004 1010 0505 0001 3m02 606")]
    [InlineData("DE", "DE89370400440532013000")]
    [InlineData("BE", "BE62510007547061")]
    [InlineData("NL", "NL91ABNA0417164300")]
    [InlineData("ES", "ES9121000418450200051332")]
    [InlineData("IT", "IT60X0542811101000000123456")]
    [InlineData("GB", "GB82WEST12345698765432")]
    public void Iban_WithItsCountrysLengthAndAValidChecksum_IsAccepted(string country, string iban)
    {
        Assert.True(BankAccountNumber.TryParse(country, null, null, iban, out var number, out var error), error?.Message);

        Assert.Equal(iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()[^4..], number.Last4);
        Assert.Null(number.RoutingNumber);
    }

    [Theory]
    [InlineData("FR1420041010050500013M02607", "checksum")]
    [InlineData("DE89370400440532013001", "checksum")]
    [InlineData("FR142004101005050001", "27 characters")]
    [InlineData("XX1420041010050500013M02606", "not supported")]
    [InlineData("FR14-2004", "letters and digits")]
    public void Iban_WrongLengthOrChecksum_IsRefusedOnExternalAccount_WithoutRepeatingIt(string iban, string reason)
    {
        Assert.False(BankAccountNumber.TryParse("FR", null, null, iban, out _, out var error));

        Assert.Equal("external_account", error.Param);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal("invalid_bank_account_iban", error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(iban, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110000000", true)]
    [InlineData("011000015", true)]
    [InlineData("110000001", false)]
    [InlineData("11000000", false)]
    public void UsRoutingNumber_MustPassTheAbaChecksum(string routing, bool valid)
    {
        var accepted = BankAccountNumber.TryParse("US", "US", routing, "000123456789", out var number, out var error);

        Assert.Equal(valid, accepted);
        if (valid)
        {
            Assert.Equal(("6789", routing), (number!.Last4, number.RoutingNumber));
        }
        else
        {
            Assert.Equal(("external_account", "routing_number_invalid"), (error!.Param, error.Code));
        }
    }
}
