using MassTransit;
using MassTransit.Configuration;
using MassTransit.Context;
using MassTransit.Scheduling;
using Npgsql;

namespace Marketplace.Messaging.Scheduling;

/// <summary>Gives every consume context the <see cref="OutboxScheduleMessageProvider"/> as its message scheduler.</summary>
sealed class OutboxMessageSchedulerFilter(NpgsqlDataSource dataSource) : IFilter<ConsumeContext>, IPipeSpecification<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context, CreateScheduler));
        return next.Send(context);
    }

    // Called again with the transactional proxy context once the inbox filter wraps the message.
    MessageScheduler CreateScheduler(ConsumeContext context) =>
        new(new OutboxScheduleMessageProvider(context, dataSource), context.GetPayload<IBusTopology>());

    public void Probe(ProbeContext context) => context.CreateFilterScope("outboxMessageScheduler");

    public void Apply(IPipeBuilder<ConsumeContext> builder) => builder.AddFilter(this);

    public IEnumerable<ValidationResult> Validate() => [];
}
