using System.Diagnostics;
using Dapper;
using Marketplace.Messaging.Outbox;
using Marketplace.Messaging.Sagas;
using Marketplace.Messaging.Tests.Sagas;
using Marketplace.Messaging.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Marketplace.Messaging.Tests.Scheduling;

public sealed class SchedulingTests : BackboneTest
{
    static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task MessageScheduledTwoSecondsAhead_ArrivesOnceWhenDue_AcrossARestart()
    {
        var thing = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        using (var before = ThingHost())
        {
            await before.StartAsync(Cancellation);
            await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
            await using var transaction = await connection.BeginTransactionAsync(Cancellation);
            await transaction.SchedulePublishAsync(new ThingHappened { ThingId = thing }, DateTimeOffset.UtcNow + Delay, Cancellation);
            await transaction.CommitAsync(Cancellation);
            await before.StopAsync(Cancellation);
        }

        Assert.Equal(0, await EffectsAsync(thing));
        using var after = ThingHost();
        await after.StartAsync(Cancellation);

        await Eventually.Until(() => EffectsAsync(thing), n => n >= 1);
        var arrivedAfter = clock.Elapsed;
        await Task.Delay(700, Cancellation);
        Assert.Equal(1, await EffectsAsync(thing));
        Assert.True(arrivedAfter >= Delay, $"arrived after {arrivedAfter}, before it was due");
        await after.StopAsync(Cancellation);
    }

    [Fact]
    public async Task SagaTimeout_ScheduledBeforeARestart_FiresOnceAfterIt()
    {
        var counterId = NewId.NextGuid();
        var clock = Stopwatch.StartNew();
        using (var before = CounterHost())
        {
            await before.StartAsync(Cancellation);
            await before.Services.GetRequiredService<IBus>().Publish(new StartTimer { CounterId = counterId }, Cancellation);
            await Eventually.Until(() => Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM outbox_messages WHERE scheduling_token_id IS NOT NULL"), n => n == 1);
            await before.StopAsync(Cancellation);
        }

        using var after = CounterHost();
        await after.StartAsync(Cancellation);

        var state = await Eventually.Until(() => StateAsync(counterId), s => s.State == "Elapsed");
        var elapsedAfter = clock.Elapsed;
        await Task.Delay(700, Cancellation);
        Assert.Equal(1, (await StateAsync(counterId)).Elapsed);
        Assert.Equal(1, state.Elapsed);
        Assert.True(elapsedAfter >= Delay, $"fired after {elapsedAfter}, before it was due");
        Assert.Equal(0, await Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM outbox_messages"));
        await after.StopAsync(Cancellation);
    }

    IHost ThingHost() => MessagingHost.Create(Database, Broker, bus => bus.AddConsumer<ThingHappenedConsumer>());

    IHost CounterHost() => MessagingHost.Create(Database, Broker, bus => bus.AddSagaStateMachine<CounterStateMachine, CounterState>().PostgresRepository());

    Task<long> EffectsAsync(Guid thing) =>
        Sql.CountAsync(Database.DataSource, "SELECT count(*) FROM effects WHERE thing_id = @thing", new { thing });

    async Task<(string? State, int Elapsed)> StateAsync(Guid counterId)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        return await connection.QuerySingleOrDefaultAsync<(string?, int)>(
            "SELECT current_state, (data->>'elapsed')::int FROM saga_instances WHERE correlation_id = @counterId", new { counterId });
    }
}
