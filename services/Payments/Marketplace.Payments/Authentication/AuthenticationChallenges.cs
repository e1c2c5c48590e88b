using System.Security.Cryptography;
using Marketplace.Messaging.Outbox;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Payments.Authentication;

/// <summary>
/// Creates and completes the challenges of the hosted authentication page. Both run in the caller's transaction, so
/// that a challenge exists if and only if the intent that needs it changed, and <see cref="ChallengeCompleted"/> is
/// published if and only if the payer's choice was recorded.
/// </summary>
public sealed class AuthenticationChallenges(IOptions<AuthenticationPageOptions> options)
{
    internal const string BasePath = "/payments/authenticate";

    /// <summary>Creates a pending challenge; its URL, on the configured public address, is what <c>next_action.redirect_to_url.url</c> shows.</summary>
    public async Task<AuthenticationChallenge> CreateAsync(NpgsqlTransaction transaction, ChallengeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ChallengeKinds.IsKnown(request.Kind))
        {
            throw new ArgumentException($"Unknown challenge kind '{request.Kind}'.", nameof(request));
        }

        var id = NewId();
        await ChallengeStore.InsertAsync(transaction, id, request, DateTimeOffset.UtcNow, cancellationToken);
        return new AuthenticationChallenge(id, UrlOf(id), request.Subject, request.Reference, request.Kind);
    }

    /// <summary>
    /// Records the payer's choice and publishes <see cref="ChallengeCompleted"/>. A challenge already completed (or
    /// unknown) changes nothing and publishes nothing: the result is null.
    /// </summary>
    public static async Task<ChallengeCompleted?> CompleteAsync(NpgsqlTransaction transaction, string id, bool succeeded, CancellationToken cancellationToken)
    {
        if (await ChallengeStore.TryCompleteAsync(transaction, id, succeeded, cancellationToken) is not { } completed)
        {
            return null;
        }

        var message = new ChallengeCompleted
        {
            ChallengeId = completed.Id,
            Subject = completed.Subject,
            Reference = completed.Reference,
            Kind = completed.Kind,
            Succeeded = succeeded,
        };
        await transaction.PublishAsync(message, cancellationToken);
        return message;
    }

    string UrlOf(string id) => new Uri(options.Value.PublicBaseUrl, $"{BasePath.TrimStart('/')}/{id}").ToString();

    /// <summary>32 random bytes, URL-safe: the id is the page's only credential, so nothing about it may be guessable.</summary>
    static string NewId() => "authc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
