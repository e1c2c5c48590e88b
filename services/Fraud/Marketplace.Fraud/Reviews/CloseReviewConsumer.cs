using System.Text.Json;
using Dapper;
using Marketplace.Api.Objects;
using Marketplace.Contracts.Fraud;
using Marketplace.Data;
using Marketplace.Fraud.Objects;
using Marketplace.Fraud.Rules;
using Marketplace.Fraud.ValueLists;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Fraud.Reviews;

/// <summary>
/// Closes a payment's open review as refunded, refunded as fraud or disputed, raising <c>review.closed</c>; for a
/// fraudulent refund, adds the card fingerprint and the email the payment had to the platform's default block lists,
/// so that the built-in rules block them from now on.
/// </summary>
public sealed class CloseReviewConsumer(ConsumeTransaction transaction) : IConsumer<CloseReview>
{
    static readonly HashSet<string> Reasons = new(StringComparer.Ordinal) { "refunded", "refunded_as_fraud", "disputed" };

    public async Task Consume(ConsumeContext<CloseReview> context)
    {
        var command = context.Message;
        if (!Reasons.Contains(command.Reason))
        {
            throw new ArgumentException($"A review closes as refunded, refunded_as_fraud or disputed, not {command.Reason}.", nameof(context));
        }

        var cancellationToken = context.CancellationToken;
        if (await ReviewStore.LockOpenForPaymentAsync(transaction.Transaction, command.PlatformId, command.PaymentId, cancellationToken) is not var (review, assessmentId))
        {
            return;
        }

        await ReviewStore.CloseAsync(transaction.Transaction, review.Id, command.Reason, cancellationToken);
        if (command.Reason == "refunded_as_fraud")
        {
            await BlockAsync(command.PlatformId, assessmentId, cancellationToken);
        }

        var closed = (review with { Open = false, ClosedReason = command.Reason, Reason = command.Reason }).ToReview();
        await context.Publish(FraudApiEvents.Create(FraudApiEvents.ReviewClosed, command.PlatformId, review.AccountId, StripeJson.Serialize(closed)));
    }

    async Task BlockAsync(string platformId, string assessmentId, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection;
        var attributes = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT attributes::text FROM assessments WHERE id = @assessmentId", new { assessmentId }, transaction.Transaction, cancellationToken: cancellationToken));
        using var json = JsonDocument.Parse(attributes);
        var values = json.RootElement.GetProperty("values");
        var blocked = new List<(string Alias, string Value)>();
        if (values.TryGetProperty("card_fingerprint", out var fingerprint) && fingerprint.GetString() is { Length: > 0 } card)
        {
            blocked.Add((DefaultValueLists.CardFingerprints, card));
        }

        if (values.TryGetProperty("email", out var email) && email.GetString() is { Length: > 0 } address)
        {
            blocked.Add((DefaultValueLists.Emails, address));
        }

        if (blocked.Count == 0)
        {
            return;
        }

        await DefaultValueLists.EnsureAsync(transaction.Transaction, platformId, cancellationToken);
        await RuleSetVersions.BumpAsync(transaction.Transaction, platformId, cancellationToken);
        var created = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).UtcDateTime;
        foreach (var (alias, value) in blocked)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO value_list_items (id, platform_id, value_list_id, value, created, created_by)
                SELECT @id, @platformId, id, @value, @created, 'refunded_as_fraud' FROM value_lists WHERE platform_id = @platformId AND alias = @alias
                ON CONFLICT ON CONSTRAINT value_list_items_value DO NOTHING
                """,
                new { id = PrefixedId.New("rsli"), platformId, value, created, alias }, transaction.Transaction, cancellationToken: cancellationToken));
        }
    }
}
