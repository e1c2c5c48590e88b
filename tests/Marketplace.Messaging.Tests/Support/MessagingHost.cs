using Marketplace.Data;
using Marketplace.Messaging;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>
/// One instance of a "service" as production composes it (database + messaging), on a test database and
/// virtual host. Start two on the same database and broker to get competing consumers and competing relays.
/// </summary>
static class MessagingHost
{
    // MassTransit keeps its log context in a static, taken from the last bus created; a factory disposed with an
    // earlier test's host would break the next bus. One factory that outlives every host avoids that.
    static readonly ILoggerFactory Logging = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole());

    public static IHost Create(
        TestDatabase database,
        TestBroker broker,
        Action<IBusRegistrationConfigurator> configureBus,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:test"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = broker.ConnectionString,
            ["Messaging:Outbox:IdlePollInterval"] = "00:00:00.100",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(Logging);
        builder.AddServiceDatabase("test");
        builder.AddMessaging(configureBus);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
