using Marketplace.Api.Money;
using Marketplace.Api.Tests.Support;

namespace Marketplace.Api.Tests.Money;

public sealed class ChargeAmountsTests
{
    [Theory]
    [InlineData("usd", 2)]
    [InlineData("eur", 2)]
    [InlineData("jpy", 0)]
    [InlineData("krw", 0)]
    [InlineData("xpf", 0)]
    [InlineData("kwd", 3)]
    [InlineData("bhd", 3)]
    public void MinorUnitExponent_FollowsStripesLists(string currency, int exponent)
    {
        Assert.Equal(exponent, Currencies.MinorUnitExponent(currency));
    }

    [Theory]
    [InlineData(49, "usd", "Amount must be at least 0.50 usd")]
    [InlineData(29, "gbp", "Amount must be at least 0.30 gbp")]
    [InlineData(49, "jpy", "Amount must be at least 50 jpy")]
    [InlineData(0, "kwd", "Amount must be at least 0.001 kwd")]
    public void Check_BelowTheMinimum_IsAmountTooSmall(long amount, string currency, string message)
    {
        var error = ChargeAmounts.Check(amount, currency);

        Assert.Equal("amount_too_small", error?.Code);
        Assert.Equal(message, error?.Message);
        Assert.Equal("amount", error?.Param);
    }

    [Theory]
    [InlineData(50, "usd")]
    [InlineData(30, "gbp")]
    [InlineData(50, "jpy")]
    [InlineData(99_999_999, "usd")]
    [InlineData(1000, "kwd")]
    public void Check_WithinBounds_Passes(long amount, string currency)
    {
        Assert.Null(ChargeAmounts.Check(amount, currency));
    }

    [Fact]
    public void Check_AboveEightDigits_IsAmountTooLarge()
    {
        var error = ChargeAmounts.Check(100_000_000, "usd");

        Assert.Equal("amount_too_large", error?.Code);
        Assert.Equal("Amount must be no more than 999999.99 usd", error?.Message);
    }

    [Fact]
    public void Check_Negative_IsInvalid()
    {
        Assert.Equal("Invalid positive integer", ChargeAmounts.Check(-1, "usd")?.Message);
    }

    [Fact]
    public void Check_ThreeDecimalNotEndingInZero_IsInvalid()
    {
        Assert.Equal("invalid_charge_amount", ChargeAmounts.Check(1005, "kwd")?.Code);
    }

    [Fact]
    public void Check_SettledInAnotherCurrency_AppliesThatCurrencysMinimum()
    {
        Assert.Equal("Amount must be at least 0.30 gbp", ChargeAmounts.Check(40, "usd", "gbp", 29)?.Message);
        Assert.Null(ChargeAmounts.Check(40, "usd", "gbp", 30));
    }

    [Theory]
    [InlineData("USD", "usd")]
    [InlineData("jpy", "jpy")]
    public void Read_SupportedCurrency_IsLowercase(string sent, string expected)
    {
        var reader = Parameters.Form($"currency={sent}");

        Assert.Equal(expected, Currencies.Read(reader));
        Assert.Null(reader.Complete());
    }

    [Fact]
    public void Read_UnsupportedCurrency_Fails()
    {
        var reader = Parameters.Form("currency=xyz");

        Assert.Null(Currencies.Read(reader));
        var error = reader.Complete();

        Assert.StartsWith("Invalid currency: xyz.", error?.Message, StringComparison.Ordinal);
        Assert.Equal("currency", error?.Param);
    }
}
