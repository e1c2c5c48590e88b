using Dapper;
using Marketplace.Contracts.Diagnostics;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Webhooks.BackboneProbes;

/// <summary>Records each probe once; the transactional inbox makes a redelivered probe a no-op.</summary>
public sealed class BackboneProbeSentConsumer(ConsumeTransaction transaction) : IConsumer<BackboneProbeSent>
{
    public Task Consume(ConsumeContext<BackboneProbeSent> context) =>
        transaction.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO backbone_probes (probe_id, origin, sent_at) VALUES (@ProbeId, @Origin, @SentAt)",
            context.Message, transaction.Transaction, cancellationToken: context.CancellationToken));
}
