using MassTransit;
using Npgsql;

namespace Marketplace.Messaging.Inbox;

/// <summary>A consume context whose sends go to the outbox in <see cref="Transaction"/>.</summary>
interface ITransactionalConsumeContext : ConsumeContext
{
    NpgsqlTransaction Transaction { get; }
}
