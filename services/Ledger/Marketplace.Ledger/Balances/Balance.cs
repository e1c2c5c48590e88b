using Marketplace.Api.Objects;

namespace Marketplace.Ledger.Balances;

/// <summary>Stripe's <c>balance</c> object: what an account holds per currency, by state.</summary>
public sealed record Balance(
    IReadOnlyList<BalanceAmount> Available,
    IReadOnlyList<BalanceAmount> ConnectReserved,
    IReadOnlyList<BalanceAmount> Pending) : StripeObject
{
    protected override string TypeName => "balance";
}
