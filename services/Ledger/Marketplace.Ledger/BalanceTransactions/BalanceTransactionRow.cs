namespace Marketplace.Ledger.BalanceTransactions;

/// <summary>A <c>balance_transactions</c> row, and how the API renders it.</summary>
public sealed record BalanceTransactionRow(
    string Id,
    string Currency,
    long Amount,
    long Fee,
    long Net,
    string? FeeType,
    string Type,
    string ReportingCategory,
    string? Source,
    string? Description,
    decimal? ExchangeRate,
    DateTime AvailableOn,
    DateTime Created)
{
    public const string Columns = "id, currency, amount, fee, net, fee_type, type, reporting_category, source, description, exchange_rate, available_on, created";

    public BalanceTransaction ToObject(DateTimeOffset now)
    {
        var availableOn = new DateTimeOffset(AvailableOn, TimeSpan.Zero);
        return new BalanceTransaction
        {
            Id = Id,
            Amount = Amount,
            AvailableOn = availableOn,
            Created = new DateTimeOffset(Created, TimeSpan.Zero),
            Currency = Currency,
            Description = Description,
            ExchangeRate = ExchangeRate,
            Fee = Fee,
            FeeDetails = FeeType is null || Fee == 0
                ? []
                : [new FeeDetail(Fee, null, Currency, FeeType == "application_fee" ? "Application fee" : "Processing fees", FeeType)],
            Net = Net,
            ReportingCategory = ReportingCategory,
            Source = Source,
            Status = availableOn <= now ? "available" : "pending",
            Type = Type,
        };
    }
}
