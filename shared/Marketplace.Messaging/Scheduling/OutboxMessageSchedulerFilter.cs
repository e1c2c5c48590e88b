using MassTransit;
using MassTransit.Configuration;
using MassTransit.Context;
using MassTransit.Scheduling;

namespace Marketplace.Messaging.Scheduling;

/// <summary>Gives every consume context the <see cref="OutboxScheduleMessageProvider"/> as its message scheduler.</summary>
sealed class OutboxMessageSchedulerFilter : IFilter<ConsumeContext>, IPipeSpecification<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context, CreateScheduler));
        return next.Send(context);
    }

    // Called again with the transactional proxy context once the inbox filter wraps the message.
    static MessageScheduler CreateScheduler(ConsumeContext context) =>
        new(new OutboxScheduleMessageProvider(context), context.GetPayload<IBusTopology>());

    public void Probe(ProbeContext context) => context.CreateFilterScope("outboxMessageScheduler");

    public void Apply(IPipeBuilder<ConsumeContext> builder) => builder.AddFilter(this);

    public IEnumerable<ValidationResult> Validate() => [];
}
