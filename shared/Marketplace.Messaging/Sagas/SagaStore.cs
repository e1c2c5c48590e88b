using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;

namespace Marketplace.Messaging.Sagas;

/// <summary>
/// The SQL of <c>saga_instances</c>. Concurrency is optimistic: a read takes no lock, and a write succeeds only
/// if the row still has the version that was read; otherwise <see cref="SagaConcurrencyException"/> makes the
/// retry policy run the message again on fresh state.
/// </summary>
static class SagaStore<TSaga>
    where TSaga : class, ISagaVersion
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    static readonly string SagaType = typeof(TSaga).FullName!;

    /// <summary>Kept in its own column so an operator can count instances per state without parsing JSON.</summary>
    static readonly System.Reflection.PropertyInfo? CurrentStateProperty = typeof(TSaga).GetProperty("CurrentState");

    public static async Task<TSaga?> LoadAsync(NpgsqlTransaction transaction, Guid correlationId, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<(string Data, int Version)>(new CommandDefinition(
            "SELECT data::text, version FROM saga_instances WHERE saga_type = @sagaType AND correlation_id = @correlationId",
            new { sagaType = SagaType, correlationId }, transaction, cancellationToken: cancellationToken));
        if (row.Data is null)
        {
            return null;
        }

        var saga = JsonSerializer.Deserialize<TSaga>(row.Data, Json)!;
        saga.Version = row.Version;
        return saga;
    }

    /// <summary>Inserts a new instance at version 1; false when an instance with its correlation id exists already.</summary>
    public static async Task<bool> TryInsertAsync(NpgsqlTransaction transaction, TSaga saga, CancellationToken cancellationToken)
    {
        saga.Version = 1;
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO saga_instances (saga_type, correlation_id, current_state, data, version)
            VALUES (@sagaType, @correlationId, @currentState, @data::jsonb, 1)
            ON CONFLICT DO NOTHING
            """,
            new { sagaType = SagaType, correlationId = saga.CorrelationId, currentState = CurrentState(saga), data = Serialize(saga) },
            transaction, cancellationToken: cancellationToken)) == 1;
    }

    public static async Task UpdateAsync(NpgsqlTransaction transaction, TSaga saga, CancellationToken cancellationToken)
    {
        var readVersion = saga.Version;
        saga.Version = readVersion + 1;
        var updated = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE saga_instances
            SET data = @data::jsonb, current_state = @currentState, version = @version, updated_at = now()
            WHERE saga_type = @sagaType AND correlation_id = @correlationId AND version = @readVersion
            """,
            new
            {
                sagaType = SagaType, correlationId = saga.CorrelationId, currentState = CurrentState(saga),
                data = Serialize(saga), version = saga.Version, readVersion,
            },
            transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            throw new SagaConcurrencyException(typeof(TSaga), saga.CorrelationId, readVersion);
        }
    }

    public static async Task DeleteAsync(NpgsqlTransaction transaction, TSaga saga, CancellationToken cancellationToken)
    {
        var deleted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM saga_instances WHERE saga_type = @sagaType AND correlation_id = @correlationId AND version = @version",
            new { sagaType = SagaType, correlationId = saga.CorrelationId, version = saga.Version },
            transaction, cancellationToken: cancellationToken));
        if (deleted == 0)
        {
            throw new SagaConcurrencyException(typeof(TSaga), saga.CorrelationId, saga.Version);
        }
    }

    static string Serialize(TSaga saga) => JsonSerializer.Serialize(saga, Json);

    static string? CurrentState(TSaga saga) => CurrentStateProperty?.GetValue(saga)?.ToString();
}
