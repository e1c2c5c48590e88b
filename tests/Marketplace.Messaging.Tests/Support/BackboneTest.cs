using Marketplace.Testing;
using MassTransit;
using Xunit;

namespace Marketplace.Messaging.Tests.Support;

/// <summary>Each test gets its own database and virtual host, so counts in one test never include another's messages.</summary>
public abstract class BackboneTest : IAsyncLifetime
{
    protected TestDatabase Database { get; } = new();

    protected TestBroker Broker { get; } = new();

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Publishes <see cref="ThingHappened"/> with the message id given: the same id twice is one message delivered twice.</summary>
    protected static Task PublishThingAsync(IBus bus, Guid thing, Guid messageId) =>
        bus.Publish(new ThingHappened { ThingId = thing }, context => context.MessageId = messageId, Cancellation);

    public virtual async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Broker.InitializeAsync();
        await Sql.ExecuteAsync(Database.DataSource, "CREATE TABLE effects (thing_id uuid NOT NULL, message_id uuid NOT NULL)");
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
