using Dapper;
using Npgsql;

namespace Marketplace.Messaging.Inbox;

static class InboxStore
{
    /// <summary>
    /// Records that <paramref name="consumerId"/> consumed <paramref name="messageId"/>; false when it already had.
    /// A concurrent delivery of the same message waits on the key until the first transaction ends, then sees it.
    /// </summary>
    public static async Task<bool> TryRecordAsync(NpgsqlTransaction transaction, Guid messageId, string consumerId, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO inbox_messages (message_id, consumer_id) VALUES (@messageId, @consumerId)
            ON CONFLICT DO NOTHING
            """,
            new { messageId, consumerId }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>
    /// Records that <paramref name="consumerId"/> consumed each of <paramref name="messageIds"/> and returns those it
    /// had not consumed before. Keys are inserted in one order, so two batches sharing redelivered messages wait for
    /// each other instead of deadlocking.
    /// </summary>
    public static async Task<HashSet<Guid>> RecordNewAsync(
        NpgsqlTransaction transaction, IEnumerable<Guid> messageIds, string consumerId, CancellationToken cancellationToken) =>
        [.. await transaction.Connection!.QueryAsync<Guid>(new CommandDefinition(
            """
            INSERT INTO inbox_messages (message_id, consumer_id)
            SELECT id, @consumerId FROM unnest(@messageIds) AS id ORDER BY id
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """,
            new { messageIds = messageIds.Distinct().ToArray(), consumerId }, transaction, cancellationToken: cancellationToken))];

    public static Task<int> DeleteOlderThanAsync(NpgsqlDataSource dataSource, TimeSpan age, CancellationToken cancellationToken) =>
        dataSource.CreateConnection().ExecuteAsync(new CommandDefinition(
            "DELETE FROM inbox_messages WHERE consumed_at < now() - @age",
            new { age }, cancellationToken: cancellationToken));
}
