namespace Marketplace.Ledger.Journal;

/// <summary>
/// A row of the feature that asked for a posting (the transfer, the reversal, the application fee) which must exist
/// if and only if the posting does. The journal writer runs <paramref name="Sql"/> with <paramref name="Values"/> as
/// <c>$1…$n</c> in the posting's own database transaction, so no crash can leave money moved without the object that
/// explains it, or an object without its money. It runs only when the posting is journaled, never for a cause posted
/// before or a posting refused for funds. It must not fail (fresh ids, no checks that could refuse it): a failing row
/// fails every posting of its batch; refusals belong in the posting's lines, where they refuse that posting alone.
/// </summary>
public sealed record CompanionRow(string Sql, params object?[] Values);
