namespace Marketplace.Ledger.Transfers;

/// <summary>What a reversal carries besides its amount: the platform's description and metadata, and the refund that caused it.</summary>
public sealed record TransferReversalDetails(string? Description, string MetadataJson, string? SourceRefund);
