using Marketplace.Api;
using Marketplace.Data;
using Marketplace.Fraud;
using Marketplace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Benchmarks.Fraud;

/// <summary>The Fraud service as production composes it, in this process, on a benchmark database and virtual host.</summary>
static class FraudHost
{
    public static async Task<WebApplication> StartAsync(TestDatabase database, TestBroker broker)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:fraud"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = broker.ConnectionString,
            [StripeApiExtensions.ContextSigningKeySetting] = TestSigningKey.Value,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddFraud();
        var app = builder.Build();
        await app.Services.MigrateDatabaseAsync();
        await app.StartAsync();
        return app;
    }
}
