using System.Text.Json.Serialization;

namespace Marketplace.Onboarding.Persons;

/// <summary>A date of birth as Stripe takes and shows it: three numbers, checked together as a real past date.</summary>
public sealed record Dob(int? Day, int? Month, int? Year)
{
    /// <summary>The date, when the three parts make one.</summary>
    [JsonIgnore]
    public DateOnly? Date => Day is { } d && Month is { } m && Year is { } y && DateOnly.TryParseExact(
        $"{y:D4}-{m:D2}-{d:D2}", "yyyy-MM-dd", out var date) ? date : null;
}
