using System.Collections.Concurrent;
using Marketplace.Contracts.Fraud;
using Marketplace.Data;
using MassTransit;

namespace Marketplace.Payments.Tests.Support;

/// <summary>
/// Stands in for Fraud on the exchanges its assessment and review consumers listen on: records every payment the saga
/// asks about and allows it at normal risk, as Fraud allows a payment no rule matches, and every review Payments closes.
/// </summary>
public sealed class FraudDouble
{
    readonly ConcurrentQueue<AssessPayment> _requests = new();

    readonly ConcurrentQueue<CloseReview> _closedReviews = new();

    public IReadOnlyList<AssessPayment> Requests => [.. _requests];

    public IReadOnlyList<CloseReview> ClosedReviews => [.. _closedReviews];

    public static async Task<FraudDouble> StartAsync(IBus bus)
    {
        var fraud = new FraudDouble();
        await bus.ConnectReceiveEndpoint("fraud-assess-payment", endpoint => endpoint.Handler<AssessPayment>(fraud.AllowAsync)).Ready;
        await bus.ConnectReceiveEndpoint("fraud-close-review", endpoint => endpoint.Handler<CloseReview>(context =>
        {
            fraud._closedReviews.Enqueue(context.Message);
            return Task.CompletedTask;
        })).Ready;
        return fraud;
    }

    Task AllowAsync(ConsumeContext<AssessPayment> context)
    {
        _requests.Enqueue(context.Message);
        return context.RespondAsync(new PaymentAssessed
        {
            PaymentId = context.Message.PaymentId,
            AssessmentId = PrefixedId.New("frasm"),
            Action = "allow",
            RiskScore = 20,
            RiskLevel = "normal",
            Factors = [],
            Outcome = new AssessmentOutcome { Type = "authorized", RiskLevel = "normal", RiskScore = 20 },
        });
    }
}
