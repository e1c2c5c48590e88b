using Npgsql;

namespace Marketplace.Messaging.Inbox;

/// <summary>
/// The database transaction a consumer's work happens in (scoped to one consume). The inbox row, the consumer's own
/// writes, any saga state and every message it publishes, sends or schedules commit or roll back together.
/// Consumers take it as a constructor dependency and write with <see cref="Transaction"/>.
/// </summary>
public sealed class ConsumeTransaction
{
    NpgsqlTransaction? _transaction;

    public NpgsqlTransaction Transaction =>
        _transaction ?? throw new InvalidOperationException(
            "No consume transaction: this consumer's endpoint is not configured with the transactional inbox.");

    public NpgsqlConnection Connection => Transaction.Connection!;

    internal void Begin(NpgsqlTransaction transaction) => _transaction = transaction;
}
