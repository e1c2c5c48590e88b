using Marketplace.Messaging.Inbox;
using Marketplace.Onboarding.AccountLinks;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Marketplace.Onboarding.IdentityVerification;

/// <summary>
/// The simulated identity provider's answer to a submission: <c>verified</c> with its outputs, or back to
/// <c>requires_input</c> with <c>last_error</c> (and a fresh URL) for Stripe's failing test values. A session
/// canceled meanwhile is left as it is.
/// </summary>
public sealed class CheckVerificationSessionConsumer(ConsumeTransaction transaction, IOptions<AccountLinkOptions> options) : IConsumer<CheckVerificationSession>
{
    public async Task Consume(ConsumeContext<CheckVerificationSession> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await VerificationSessionStore.LockAnyAsync(transaction.Transaction, message.SessionId, null, cancellationToken) is not { } session
            || session.Read() is not { Status: "processing" } record)
        {
            return;
        }

        var error = message.DocumentFails
            ? new VerificationSessionLastError("document_unverified_other", "The document could not be verified.")
            : message.IdNumberMismatches
                ? new VerificationSessionLastError("id_number_mismatch", "The information provided could not be matched against the ID number.")
                : null;
        var updated = error is null
            ? record with { Status = "verified", LastError = null, VerifiedOutputs = message.Outputs }
            : record with { Status = "requires_input", LastError = error, Secret = AccountLinkStore.NewToken() };
        await VerificationSessionStore.UpdateAsync(transaction.Transaction, session.Id, updated, cancellationToken);
        var after = session with { Record = Accounts.RecordJson.Write(updated) };
        await IdentityEvents.PublishAsync(transaction.Transaction, after, after.Render(options.Value.PublicBaseUrl), updated.Status, null, cancellationToken);
    }
}
