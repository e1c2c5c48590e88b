using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Messaging.Outbox;

/// <summary>
/// Outbox writes as <see cref="NpgsqlBatchCommand"/>s, for a writer that commits through an <see cref="NpgsqlBatch"/>
/// of its own (the Ledger's journal writer) rather than an <see cref="NpgsqlTransaction"/>: the messages are sent if
/// and only if that batch's transaction commits. Call <see cref="OutboxRelaySignal.Notify"/> after the commit.
/// </summary>
public static class OutboxBatchCommands
{
    /// <summary>One insert publishing every message of <paramref name="messages"/>, in order; null when there are none.</summary>
    public static NpgsqlBatchCommand? Publish<T>(IEnumerable<T> messages)
        where T : class
    {
        var rows = messages.Select(m => OutboxEnvelope.Create(m, null, null, null)).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO outbox_messages (message_id, message_type, body, headers, not_before)
            SELECT id, type, body::jsonb, headers::jsonb, now() FROM unnest($1, $2, $3, $4) WITH ORDINALITY AS m (id, type, body, headers, n)
            ORDER BY n
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.MessageId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(Texts(rows.Select(r => r.MessageType)));
        command.Parameters.Add(Texts(rows.Select(r => r.Body)));
        command.Parameters.Add(Texts(rows.Select(r => r.Headers)));
        return command;
    }

    static NpgsqlParameter Texts(IEnumerable<string> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
