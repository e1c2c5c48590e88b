using Marketplace.Contracts.Fraud;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Fraud.Objects;
using Marketplace.Fraud.Reviews;
using Marketplace.Fraud.Rules;
using Marketplace.Fraud.Rules.Language;
using Marketplace.Fraud.Scoring;
using Marketplace.Fraud.Velocity;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Fraud.Assessments;

/// <summary>
/// Assesses a payment: counts it in its velocity windows, scores it, runs the platform's rules in Radar's order and
/// answers with <see cref="PaymentAssessed"/>. The counters and the stored assessment commit together in the inbox
/// transaction, and the answer leaves right after the commit, so a redelivered request counts nothing twice, and a
/// repeated one for the same payment is answered with the first assessment.
/// </summary>
public sealed partial class AssessPaymentConsumer(
    ConsumeTransaction transaction, RuleSetCache rules, TimeProvider time, ILogger<AssessPaymentConsumer> logger) : IConsumer<AssessPayment>
{
    public async Task Consume(ConsumeContext<AssessPayment> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        var now = time.GetUtcNow();
        if (context.ExpirationTime is { } expiration && expiration < now.UtcDateTime)
        {
            // The caller stopped waiting and decided by its timeout policy: counting this payment now would count a
            // payment that may never have gone ahead.
            LogExpired(request.PaymentId, request.PlatformId);
            return;
        }

        var (earlier, customerPayments, customerAverage, ruleSetVersion) = await AssessmentStore.EarlierAsync(
            transaction.Transaction, request.PlatformId, request.PaymentId, request.CustomerId, cancellationToken);
        if (earlier is not null)
        {
            RespondAfterCommit(earlier);
            return;
        }

        var amountInEur = EuroAmounts.Convert(request.Amount, request.Currency);
        var counts = await VelocityCounter.CountAsync(transaction.Transaction, request.PlatformId, VelocityKeys(request), now, cancellationToken);
        VelocityCount? card = counts.TryGetValue(VelocityDimension.CardFingerprint, out var cardCount) ? cardCount : null;
        VelocityCount? email = counts.TryGetValue(VelocityDimension.Email, out var emailCount) ? emailCount : null;
        VelocityCount? ip = counts.TryGetValue(VelocityDimension.IpAddress, out var ipCount) ? ipCount : null;
        var isNewCustomer = request.IsNewCustomer ?? (request.CustomerId is null ? null : customerPayments == 0);

        var risk = RiskScorer.Score(new RiskFeatures
        {
            AmountInEur = amountInEur,
            CardCountry = request.CardCountry,
            IpCountry = request.IpCountry,
            CardFunding = request.CardFunding,
            CvcCheck = request.CvcCheck,
            AddressLine1Check = request.AddressLine1Check,
            AddressZipCheck = request.AddressZipCheck,
            Is3DSecure = request.Is3DSecure,
            IsNewCustomer = isNewCustomer,
            CardHourly = card?.Hourly,
            EmailDaily = email?.Daily,
            IpHourly = ip?.Hourly,
            CustomerPayments = customerPayments,
            CustomerAverageEur = customerAverage,
            ForcedRiskLevel = TestCards.ForcedRiskLevel(request.CardBin, request.CardLast4),
        });

        var attributes = PaymentAttributesFactory.Create(request, amountInEur, risk, isNewCustomer, card, email, ip);
        var ruleSet = await rules.GetAsync(transaction.Connection, request.PlatformId, ruleSetVersion, cancellationToken);
        var decided = TestCards.IsAlwaysBlocked(request.CardBin, request.CardLast4)
            ? null
            : ruleSet.Rules.Decide(attributes, ruleSet.Lists);
        var action = TestCards.IsAlwaysBlocked(request.CardBin, request.CardLast4) ? RuleAction.Block : decided?.Action;

        var reviewId = action == RuleAction.Review ? PrefixedId.New("prv", now) : null;
        var answer = new PaymentAssessed
        {
            PaymentId = request.PaymentId,
            AssessmentId = PrefixedId.New("frasm", now),
            Action = action?.ToApiName() ?? "allow",
            RiskScore = risk.Score,
            RiskLevel = risk.Level,
            Rule = decided is null ? null : new AssessedRule { Id = decided.Id, Action = decided.Action.ToApiName(), Predicate = decided.Predicate },
            Factors = risk.Factors,
            Outcome = Outcomes.For(action, decided?.Id, risk),
            ReviewId = reviewId,
        };

        await AssessmentStore.InsertAsync(transaction.Transaction, request, answer, amountInEur, attributes, now, cancellationToken);
        if (reviewId is not null)
        {
            await OpenReviewAsync(context, reviewId, answer.AssessmentId, now);
        }

        RespondAfterCommit(answer);
    }

    /// <summary>
    /// The answer leaves as soon as the assessment is committed, not through the outbox relay: it needs no durability
    /// (a lost answer is the requester's timeout, and its retry gets the stored assessment), and the relay's hop is a
    /// third of an assessment's round trip (decision 0009).
    /// </summary>
    void RespondAfterCommit(PaymentAssessed answer) => transaction.AfterCommit(original => original.RespondAsync(answer));

    /// <summary>Opens the review of a payment a Review rule decided, and raises <c>review.opened</c> with it.</summary>
    async Task OpenReviewAsync(ConsumeContext<AssessPayment> context, string reviewId, string assessmentId, DateTimeOffset now)
    {
        var request = context.Message;
        var row = ReviewRow.Opened(reviewId, request.AccountId, request.PaymentId, "rule", request.IpAddress, request.IpCountry, now);
        await ReviewStore.InsertAsync(transaction.Transaction, request.PlatformId, assessmentId, row, context.CancellationToken);
        await context.Publish(FraudApiEvents.Create(
            FraudApiEvents.ReviewOpened, request.PlatformId, request.AccountId, StripeJson.Serialize(row.ToReview())));
    }

    static Dictionary<VelocityDimension, string> VelocityKeys(AssessPayment request)
    {
        var keys = new Dictionary<VelocityDimension, string>();
        foreach (var (dimension, key) in new[]
        {
            (VelocityDimension.CardFingerprint, request.CardFingerprint),
            (VelocityDimension.Email, request.Email),
            (VelocityDimension.IpAddress, request.IpAddress),
        })
        {
            if (!string.IsNullOrWhiteSpace(key))
            {
                keys[dimension] = key;
            }
        }

        return keys;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Assessment request for {PaymentId} of {PlatformId} arrived after its deadline; dropped")]
    partial void LogExpired(string paymentId, string platformId);
}
