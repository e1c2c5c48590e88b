using MassTransit;
using Npgsql;

namespace Marketplace.Messaging.Inbox;

/// <summary>
/// The database transaction a consumer's work happens in (scoped to one consume). The inbox row, the consumer's own
/// writes, any saga state and every message it publishes, sends or schedules commit or roll back together.
/// Consumers take it as a constructor dependency and write with <see cref="Transaction"/>.
/// </summary>
public sealed class ConsumeTransaction
{
    readonly List<Func<ConsumeContext, Task>> _afterCommit = [];
    NpgsqlTransaction? _transaction;

    public NpgsqlTransaction Transaction =>
        _transaction ?? throw new InvalidOperationException(
            "No consume transaction: this consumer's endpoint is not configured with the transactional inbox.");

    public NpgsqlConnection Connection => Transaction.Connection!;

    /// <summary>
    /// Runs <paramref name="action"/> once the transaction has committed, with the message's own consume context (not
    /// the outbox's): for what needs no durability — a response its requester asks for again after a timeout — and
    /// should not wait for the outbox relay. Never run when the transaction rolls back; lost when the process dies
    /// between the commit and the action, or when the action fails (it is logged, and the message is not retried:
    /// its effects are committed). A batch consumer's action gets the batch's context: to answer one of its messages,
    /// use that message's own context.
    /// </summary>
    public void AfterCommit(Func<ConsumeContext, Task> action) => _afterCommit.Add(action);

    internal IReadOnlyList<Func<ConsumeContext, Task>> AfterCommitActions => _afterCommit;

    /// <summary>
    /// A new attempt at the message: after-commit actions belong to the attempt that asked for them, never to a later
    /// one (an attempt that rolled back computed what they would send).
    /// </summary>
    internal void Begin(NpgsqlTransaction transaction)
    {
        _afterCommit.Clear();
        _transaction = transaction;
    }
}
