namespace Marketplace.Ledger.Tests.Support;

/// <summary>The Ledger with charges' funds becoming available one second after capture instead of two days.</summary>
public sealed class QuickReleaseLedgerService() : LedgerService(new Dictionary<string, string> { ["Ledger:Funds:AvailabilityDelay"] = "00:00:01" });
