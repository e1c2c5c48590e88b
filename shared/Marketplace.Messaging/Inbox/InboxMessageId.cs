using MassTransit;

namespace Marketplace.Messaging.Inbox;

static class InboxMessageId
{
    /// <summary>MassTransit's rule: a redelivered or re-sent copy carries its first MessageId in MT-OriginalMessageId.</summary>
    public static Guid Of(ConsumeContext context) =>
        context.Headers.Get<Guid>(MessageHeaders.OriginalMessageId)
        ?? context.MessageId
        ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated.");
}
