using MassTransit;
using Npgsql;

namespace Marketplace.Messaging.Sagas;

/// <summary>
/// For a saga whose first step a request takes itself, in its own transaction (its messages written with
/// <see cref="Outbox.OutboxTransactionExtensions"/>): the instance is written there too, so the saga exists if and
/// only if that transaction commits, and its next message finds it as if a first message had created it.
/// </summary>
public static class SagaTransactionExtensions
{
    /// <summary>Inserts <paramref name="saga"/> at version 1; false when an instance with its correlation id exists already.</summary>
    public static Task<bool> InsertSagaAsync<TSaga>(this NpgsqlTransaction transaction, TSaga saga, CancellationToken cancellationToken = default)
        where TSaga : class, ISagaVersion =>
        SagaStore<TSaga>.TryInsertAsync(transaction, saga, cancellationToken);
}
