using Marketplace.Testing;
using MassTransit;

namespace Marketplace.EndToEnd.Tests.Fraud;

/// <summary>
/// A bus on the running stack's RabbitMQ virtual host (<c>marketplace</c>), for sending what another service will
/// send once it exists: Payments' assessment requests.
/// </summary>
sealed class StackBroker : IAsyncDisposable
{
    readonly IBusControl _bus;

    StackBroker(IBusControl bus) => _bus = bus;

    public IBus Bus => _bus;

    public static async Task<StackBroker> StartAsync(CancellationToken cancellationToken)
    {
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(TestEnvironment.RabbitMqHost, "marketplace", host =>
        {
            host.Username(TestEnvironment.RabbitMqUser);
            host.Password(TestEnvironment.RabbitMqPassword);
        }));
        await bus.StartAsync(cancellationToken);
        return new StackBroker(bus);
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
