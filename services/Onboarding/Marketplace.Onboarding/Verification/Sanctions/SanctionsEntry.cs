namespace Marketplace.Onboarding.Verification.Sanctions;

/// <summary>
/// One entry of the list: its number, its name's normalised words, the words of its surname (before the comma of
/// <c>LAST, First</c>; every word for an entity), and its date of birth when the list gives a full one.
/// </summary>
public sealed record SanctionsEntry(string Number, string Name, IReadOnlyList<string> Tokens, IReadOnlyList<string> Surname, DateOnly? Dob);
