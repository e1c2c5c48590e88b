namespace Marketplace.Payments.Search;

/// <summary>A field a search query may name, and the column it reads; the column name is ours, never the client's.</summary>
internal sealed record SearchField(string Name, string Column, SearchFieldKind Kind);
