using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Gateway.Tests;

/// <summary>The real gateway host, in memory, with configuration overrides.</summary>
public sealed class GatewayFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting rather than ConfigureAppConfiguration: the composition root reads its connection strings
        // before Build(), and only host settings are visible that early.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
