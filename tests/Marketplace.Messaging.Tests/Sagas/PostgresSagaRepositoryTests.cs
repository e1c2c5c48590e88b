using System.Text.Json;
using Dapper;
using Marketplace.Messaging.Sagas;
using Marketplace.Messaging.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.Sagas;

public sealed class PostgresSagaRepositoryTests : BackboneTest
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ConcurrentEvents_OnTwoBusInstances_AreAllApplied()
    {
        const int Increments = 60;
        using var first = CounterHost();
        using var second = CounterHost();
        await Task.WhenAll(first.StartAsync(Cancellation), second.StartAsync(Cancellation));
        var counterId = NewId.NextGuid();
        var bus = first.Services.GetRequiredService<IBus>();

        await Task.WhenAll(Enumerable.Range(0, Increments).Select(_ => bus.Publish(new Increment { CounterId = counterId }, Cancellation)));

        var saga = await Eventually.Until(() => LoadAsync(counterId), s => s?.Count == Increments, TimeSpan.FromSeconds(60));
        Assert.Equal(Increments, saga!.Count);
        Assert.Equal(Increments, saga.Version);
        await Eventually.Until(() => EffectsAsync(counterId), n => n == Increments);
        Assert.Equal(Increments, await Sql.CountAsync(Database.DataSource, "SELECT count(DISTINCT message_id) FROM effects"));
        await Task.WhenAll(first.StopAsync(Cancellation), second.StopAsync(Cancellation));
    }

    [Fact]
    public async Task FailureAfterTheStep_LeavesNoStateNorMessage_AndTheRetryAppliesBothOnce()
    {
        using var host = CounterHost();
        await host.StartAsync(Cancellation);
        var counterId = NewId.NextGuid();
        FailureInjection.FailNextAttempts(counterId, 2);

        await host.Services.GetRequiredService<IBus>().Publish(new Increment { CounterId = counterId }, Cancellation);

        await Eventually.Until(() => EffectsAsync(counterId), n => n >= 1);
        await Task.Delay(500, Cancellation);
        var saga = await LoadAsync(counterId);
        Assert.Equal(1, saga!.Count);
        Assert.Equal(1, await EffectsAsync(counterId));
        Assert.Equal(0, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM outbox_messages"));
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task FailureAtCommit_LeavesNoStateNorMessage_AndTheRetryAppliesBothOnce()
    {
        // A deferred trigger fails the first commit that touches a saga: every write of that transaction is already made.
        await Sql.ExecuteAsync(Database.DataSource, """
            CREATE SEQUENCE commit_failures;
            CREATE FUNCTION fail_first_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('commit_failures') = 1 THEN RAISE EXCEPTION 'injected commit failure'; END IF;
                RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER fail_first_commit AFTER INSERT OR UPDATE ON saga_instances
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_first_commit();
            """);
        using var host = CounterHost();
        await host.StartAsync(Cancellation);
        var counterId = NewId.NextGuid();

        await host.Services.GetRequiredService<IBus>().Publish(new Increment { CounterId = counterId }, Cancellation);

        await Eventually.Until(() => EffectsAsync(counterId), n => n >= 1);
        await Task.Delay(500, Cancellation);
        Assert.True(await Sql.CountAsync(Database.DataSource, "SELECT last_value FROM commit_failures") >= 2, "the commit failure was injected");
        Assert.Equal(1, (await LoadAsync(counterId))!.Count);
        Assert.Equal(1, await EffectsAsync(counterId));
        await host.StopAsync(Cancellation);
    }

    IHost CounterHost() => MessagingHost.Create(Database, Broker, bus =>
    {
        bus.AddSagaStateMachine<CounterStateMachine, CounterState>().PostgresRepository();
        bus.AddConsumer<CountChangedConsumer>();
    });

    Task<long> EffectsAsync(Guid counterId) =>
        Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @counterId", new { counterId });

    async Task<CounterState?> LoadAsync(Guid counterId)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        var data = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT data::text FROM saga_instances WHERE correlation_id = @counterId", new { counterId });
        return data is null ? null : JsonSerializer.Deserialize<CounterState>(data, Json);
    }
}
