using Marketplace.Ledger.Fx;

namespace Marketplace.Ledger.Tests.Fx;

public sealed class FxConverterTests
{
    static readonly Dictionary<string, decimal> Rates = new(StringComparer.Ordinal)
    {
        ["usd"] = 1m,
        ["eur"] = 0.92m,
        ["jpy"] = 151.2m,
        ["bhd"] = 0.376m,
    };

    [Theory]
    [InlineData(10_000, "usd", "eur", 9_200)]     // 100.00 USD → 92.00 EUR
    [InlineData(10_000, "usd", "jpy", 15_120)]    // 100.00 USD → ¥15,120 (no minor unit)
    [InlineData(10_000, "usd", "bhd", 37_600)]    // 100.00 USD → 37.600 BHD (three decimals)
    [InlineData(15_120, "jpy", "usd", 10_000)]
    [InlineData(9_200, "eur", "usd", 10_000)]
    public void Convert_HandlesEachCurrencysMinorUnit(long amount, string from, string to, long expected) =>
        Assert.Equal(expected, new FxConverter(Rates, 0).Convert(amount, from, to).Amount);

    [Theory]
    [InlineData(25, 23)]   // 0.25 × 0.92 = 0.23
    [InlineData(50, 46)]
    [InlineData(125, 115)] // 1.25 × 0.92 = 1.15
    public void Convert_RoundsHalfToEvenOnTheTargetMinorUnit(long cents, long expected) =>
        Assert.Equal(expected, new FxConverter(Rates, 0).Convert(cents, "usd", "eur").Amount);

    [Fact]
    public void Convert_AtAnExactHalf_RoundsToTheEvenUnit()
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["usd"] = 1m, ["eur"] = 0.5m };
        var converter = new FxConverter(rates, 0);

        Assert.Equal(0, converter.Convert(1, "usd", "eur").Amount);   // 0.5 cent → 0
        Assert.Equal(2, converter.Convert(3, "usd", "eur").Amount);   // 1.5 cents → 2
        Assert.Equal(2, converter.Convert(5, "usd", "eur").Amount);   // 2.5 cents → 2
    }

    [Fact]
    public void Convert_TakesTheMarkupOffTheRateAndRecordsIt()
    {
        var quote = new FxConverter(Rates, 100).Convert(10_000, "usd", "eur");

        Assert.Equal(0.9108m, quote.ExchangeRate);
        Assert.Equal(9_108, quote.Amount);
    }

    [Fact]
    public void Convert_WithinOneCurrency_IsIdentity() =>
        Assert.Equal(new FxQuote(1234, "usd", 1m), new FxConverter(Rates, 100).Convert(1234, "usd", "usd"));

    [Fact]
    public void Convert_WithoutARate_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new FxConverter(Rates, 0).Convert(100, "usd", "gbp"));
}
