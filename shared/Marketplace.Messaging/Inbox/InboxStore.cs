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

    public static Task<int> DeleteOlderThanAsync(NpgsqlDataSource dataSource, TimeSpan age, CancellationToken cancellationToken) =>
        dataSource.CreateConnection().ExecuteAsync(new CommandDefinition(
            "DELETE FROM inbox_messages WHERE consumed_at < now() - @age",
            new { age }, cancellationToken: cancellationToken));
}
