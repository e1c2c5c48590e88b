using Marketplace.Contracts.Accounts;

namespace Marketplace.Onboarding.Accounts;

/// <summary>The fields Payments and Payouts decide on, as <see cref="ConnectedAccountUpdated"/> carries them.</summary>
internal static class AccountDecisions
{
    public static ConnectedAccountUpdated Of(StoredAccount stored, Account account) => new()
    {
        AccountId = account.Id,
        PlatformId = stored.PlatformId,
        ChargesEnabled = account.ChargesEnabled,
        PayoutsEnabled = account.PayoutsEnabled,
        Capabilities = account.Capabilities,
        DefaultCurrency = account.DefaultCurrency,
        PayoutInterval = account.Settings.Payouts.Schedule.Interval,
        PayoutDelayDays = account.Settings.Payouts.Schedule.DelayDays,
        PayoutWeeklyAnchor = account.Settings.Payouts.Schedule.WeeklyAnchor,
        PayoutMonthlyAnchor = account.Settings.Payouts.Schedule.MonthlyAnchor,
        DefaultExternalAccountId = account.ExternalAccounts.Data
            .FirstOrDefault(b => b.DefaultForCurrency && b.Currency == account.DefaultCurrency)?.Id,
        Updated = DateTimeOffset.UtcNow,
    };

    /// <summary>True when the two differ in anything but the time they were taken.</summary>
    public static bool Differ(ConnectedAccountUpdated? before, ConnectedAccountUpdated after) =>
        before is null
        || before.ChargesEnabled != after.ChargesEnabled
        || before.PayoutsEnabled != after.PayoutsEnabled
        || !before.Capabilities.OrderBy(c => c.Key, StringComparer.Ordinal).SequenceEqual(after.Capabilities.OrderBy(c => c.Key, StringComparer.Ordinal))
        || before.DefaultCurrency != after.DefaultCurrency
        || before.PayoutInterval != after.PayoutInterval
        || before.PayoutDelayDays != after.PayoutDelayDays
        || before.PayoutWeeklyAnchor != after.PayoutWeeklyAnchor
        || before.PayoutMonthlyAnchor != after.PayoutMonthlyAnchor
        || before.DefaultExternalAccountId != after.DefaultExternalAccountId;
}
