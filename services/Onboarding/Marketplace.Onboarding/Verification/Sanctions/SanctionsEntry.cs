namespace Marketplace.Onboarding.Verification.Sanctions;

/// <summary>One entry of the list: its number, its name's normalised tokens, and its date of birth when the list gives a full one.</summary>
public sealed record SanctionsEntry(string Number, string Name, IReadOnlyList<string> Tokens, DateOnly? Dob);
