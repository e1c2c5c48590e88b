using System.Text.Json.Serialization;

namespace Marketplace.Payments.Disputes;

/// <summary>
/// A balance transaction of a dispute, as far as Payments knows it: the Ledger owns balance transactions and answers
/// with their ids only, so the amounts are left out rather than guessed (they may be converted to the account's
/// currency); <c>GET /v1/balance_transactions/{id}</c> has the whole object.
/// </summary>
public sealed record DisputeBalanceTransaction(string Id, string ReportingCategory, string Source)
{
    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType => "balance_transaction";

    public string Type => "adjustment";
}
