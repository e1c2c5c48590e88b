using Marketplace.Onboarding.Verification.Sanctions;

namespace Marketplace.Onboarding.Tests.Verification;

/// <summary>The shipped SDN-format sample and the fuzzy matching screening relies on.</summary>
public sealed class SanctionsListTests
{
    static readonly SanctionsList Sample = SanctionsList.LoadFrom(null);

    [Fact]
    public void Sample_ReadsEveryEntryOfTheSdnCsvFormat_WithTheirDatesOfBirth()
    {
        Assert.Equal(8, Sample.Entries.Count);
        var korval = Sample.Entries.Single(e => e.Number == "90001");
        Assert.Equal("KORVAL, Dmitri Anatolyevich", korval.Name);
        Assert.Equal(new DateOnly(1971, 3, 14), korval.Dob);
        Assert.Null(Sample.Entries.Single(e => e.Number == "90003").Dob);
    }

    [Theory]
    [InlineData("Dmitri Korval", "1971-03-14")]
    [InlineData("Dmitry KORVAL", null)]
    [InlineData("Lucía Marisol Vanterra", "1980-09-02")]
    [InlineData("Ramon Esteban de la Torre Salazar", null)]
    [InlineData("Northwind Shell Trading LLC", null)]
    [InlineData("Bertram Halvorsen Quaid", "1990-05-05")]
    public void Screen_ListedNameSpelledDifferently_Hits(string name, string? dob) =>
        Assert.NotNull(Sample.Screen(name, dob is null ? null : DateOnly.Parse(dob, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Jenny Rosen", "1902-01-01")]
    [InlineData("Dmitri Korval", "1985-06-01")]
    [InlineData("Korval", null)]
    [InlineData("Olga Petrova", null)]
    public void Screen_UnlistedPersonOrDifferentDateOfBirth_DoesNotHit(string name, string? dob) =>
        Assert.Null(Sample.Screen(name, dob is null ? null : DateOnly.Parse(dob, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Screen_DateOfBirth1900_AlwaysHits() =>
        Assert.NotNull(Sample.Screen("Jenny Rosen", new DateOnly(1900, 1, 1)));
}
