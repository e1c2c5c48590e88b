using System.Text.Json;
using Dapper;
using Marketplace.Api.Errors;
using Npgsql;

namespace Marketplace.Payments.ConnectedAccounts;

/// <summary>
/// Whether the connected accounts a payment involves may take part in it, from Payments' read model of Onboarding's
/// accounts (never a call to Onboarding): the account a direct charge is on and the account a charge is made
/// on behalf of need <c>charges_enabled</c> and an active <c>card_payments</c>; a destination needs active <c>transfers</c>.
/// </summary>
internal static class ChargeEligibility
{
    public static async Task<StripeError?> CheckAsync(
        NpgsqlTransaction transaction, string platformId, string accountId, string? onBehalfOf, string? destination, CancellationToken cancellationToken)
    {
        var ids = new[] { accountId, onBehalfOf, destination }.Where(id => id is not null && id != platformId).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return null;
        }

        var accounts = (await transaction.Connection!.QueryAsync<(string Id, string PlatformId, bool ChargesEnabled, string Capabilities)>(
            new CommandDefinition(
                "SELECT id, platform_id, charges_enabled, capabilities::text FROM connected_accounts WHERE id = ANY(@ids)",
                new { ids }, transaction, cancellationToken: cancellationToken)))
            .Where(a => a.PlatformId == platformId)
            .ToDictionary(a => a.Id, a => (a.ChargesEnabled, Capabilities: JsonSerializer.Deserialize<Dictionary<string, string>>(a.Capabilities)!));

        if (destination is not null && destination != platformId)
        {
            if (!accounts.TryGetValue(destination, out var target))
            {
                return StripeError.InvalidRequest($"No such destination: '{destination}'", "transfer_data[destination]", StripeErrorCode.ResourceMissing);
            }

            if (!IsActive(target.Capabilities, "transfers"))
            {
                return StripeError.InvalidRequest(
                    "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
                    "transfer_data[destination]", "insufficient_capabilities_for_transfer");
            }
        }

        foreach (var (id, param) in new[] { (accountId, (string?)null), (onBehalfOf, "on_behalf_of") })
        {
            if (id is null || id == platformId)
            {
                continue;
            }

            if (!accounts.TryGetValue(id, out var account))
            {
                return StripeError.InvalidRequest($"No such account: '{id}'", param, StripeErrorCode.ResourceMissing);
            }

            if (!account.ChargesEnabled || !IsActive(account.Capabilities, "card_payments"))
            {
                return StripeError.InvalidRequest(
                    $"The account {id} cannot currently make live charges: its charges are not enabled or its card_payments capability is not active.",
                    param, StripeErrorCode.AccountInvalid);
            }
        }

        return null;
    }

    static bool IsActive(Dictionary<string, string> capabilities, string capability) =>
        capabilities.TryGetValue(capability, out var status) && status == "active";
}
