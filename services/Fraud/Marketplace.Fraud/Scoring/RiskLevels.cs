namespace Marketplace.Fraud.Scoring;

/// <summary>Radar's levels: <c>normal</c> below 65, <c>elevated</c> from 65, <c>highest</c> from 75.</summary>
public static class RiskLevels
{
    public const string Normal = "normal";
    public const string Elevated = "elevated";
    public const string Highest = "highest";

    public const int ElevatedFrom = 65;
    public const int HighestFrom = 75;

    public static string Of(int score) => score >= HighestFrom ? Highest : score >= ElevatedFrom ? Elevated : Normal;
}
