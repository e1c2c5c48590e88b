using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.Onboarding.Tests.Support;

static class AccountPolling
{
    /// <summary>The account once <paramref name="condition"/> holds; the verification saga runs asynchronously.</summary>
    public static Task<JsonElement> EventuallyAsync(HttpClient client, string id, Func<JsonElement, bool> condition, TimeSpan? timeout = null) =>
        Eventually.Until(async () => await Http.OkAsync(await client.GetAsync($"/v1/accounts/{id}", TestContext.Current.CancellationToken)), condition, timeout ?? TimeSpan.FromSeconds(30));

    public static bool ChargesEnabled(this JsonElement account) => account.GetProperty("charges_enabled").GetBoolean();

    public static string? DisabledReason(this JsonElement account) => account.GetProperty("requirements").Text("disabled_reason");
}
