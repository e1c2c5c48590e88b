using Marketplace.Testing;
using RabbitMQ.Client;

namespace Marketplace.Benchmarks;

/// <summary>Plain RabbitMQ.Client connections to a benchmark's virtual host, for what it measures beside MassTransit.</summary>
static class BrokerConnections
{
    public static Task<IConnection> OpenAsync(TestBroker broker) => new ConnectionFactory
    {
        HostName = TestEnvironment.RabbitMqHost,
        UserName = TestEnvironment.RabbitMqUser,
        Password = TestEnvironment.RabbitMqPassword,
        VirtualHost = broker.VirtualHost,
    }.CreateConnectionAsync();
}
