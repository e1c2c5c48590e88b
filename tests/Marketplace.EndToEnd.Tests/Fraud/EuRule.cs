using System.Net.Http.Headers;
using Stripe.Radar;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Fraud;

/// <summary>"Block cards issued outside the EU", as a platform sets it up: a value list of countries through Stripe.net and the rule over HTTP.</summary>
public static class EuRule
{
    public const string Predicate = ":card_country: NOT IN @eu_countries";

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task InstallAsync(TestPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var stripe = RunningPlatform.Stripe(platform.SecretKey);
        var list = await new ValueListService(stripe).CreateAsync(
            new ValueListCreateOptions { Alias = "eu_countries", Name = "EU member states", ItemType = "country" }, cancellationToken: Cancellation);
        foreach (var country in new[] { "AT", "BE", "DE", "ES", "FR", "IT", "NL" })
        {
            await new ValueListItemService(stripe).CreateAsync(new ValueListItemCreateOptions { ValueList = list.Id, Value = country }, cancellationToken: Cancellation);
        }

        using var http = new HttpClient { BaseAddress = RunningPlatform.Gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.SecretKey);
        using var created = await http.PostAsync("/v1/radar/rules", new FormUrlEncodedContent([new("rule", $"Block if {Predicate}")]), Cancellation);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Cancellation));
    }
}
