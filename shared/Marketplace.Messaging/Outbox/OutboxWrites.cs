using System.Runtime.CompilerServices;
using Npgsql;

namespace Marketplace.Messaging.Outbox;

/// <summary>
/// The transactions that wrote outbox rows, so that the consume filter wakes the relay only when a commit left it
/// something to send: an idle relay's wake-up costs two round trips, which on a service answering hundreds of
/// requests a second without writing the outbox (Fraud's assessments) was more than a third of its database work.
/// </summary>
static class OutboxWrites
{
    // Npgsql reuses a connection's transaction object, so a mark is taken off when read; a mark left by a
    // transaction no filter reads costs at most one needless wake-up later.
    static readonly ConditionalWeakTable<NpgsqlTransaction, object> Marked = [];

    public static void Mark(NpgsqlTransaction transaction) => Marked.AddOrUpdate(transaction, Marked);

    public static bool Take(NpgsqlTransaction transaction) => Marked.Remove(transaction);
}
