using Marketplace.Data;
using Microsoft.Extensions.Options;

namespace Marketplace.Payments.Processor;

/// <summary>
/// A deterministic acquirer: the same card and the same request always get the same answer, following Stripe's test
/// cards (<see cref="TestCards"/>). No card network is ever called. It keeps no state, so captures, voids and
/// refunds of a reference it issued always succeed; what happens to a payment later is in its
/// <see cref="CardAftermath"/>, for the saga to act out.
/// </summary>
public sealed class SimulatedAcquirer(IOptions<SimulatorOptions> options) : IAcquirer
{
    public CardProfile Inspect(string cardNumber)
    {
        var card = TestCards.Find(cardNumber);
        return new CardProfile(
            CardNumbers.Brand(cardNumber), card.Country, card.Funding, card.ThreeDSecure, card.RiskLevel, card.AlwaysBlocked, card.ChargeDeclined);
    }

    public VerificationChecks Verify(string cardNumber, string? cvc, string? addressLine1, string? postalCode)
    {
        var card = TestCards.Find(cardNumber);
        return new VerificationChecks(
            cvc is null ? null : card.CvcFails ? "fail" : "pass",
            addressLine1 is null ? null : card.AddressLine1Check ?? "pass",
            postalCode is null ? null : card.AddressPostalCodeCheck ?? "pass");
    }

    public async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        await DelayAsync(cancellationToken);
        var card = TestCards.Find(request.CardNumber);
        var checks = Verify(request.CardNumber, request.Cvc, null, null);
        AuthorizationResult Declined(CardDecline decline) => new(AuthorizationStatus.Declined, null, decline, checks, CardAftermath.None);

        if (!CardNumbers.IsValid(request.CardNumber))
        {
            return Declined(new CardDecline("incorrect_number", null, "Your card number is incorrect."));
        }

        if (card.Decline is { } decline)
        {
            return Declined(decline);
        }

        if (card.ChargeDeclined && !request.IsVerification)
        {
            return Declined(CardDecline.Declined("generic_decline"));
        }

        if (card.DeclineOnCvc && request.Cvc is not null)
        {
            return Declined(new CardDecline("incorrect_cvc", null, "Your card's security code is incorrect."));
        }

        var challenge = card.ThreeDSecure switch
        {
            // Setting a card up for off-session use is when its issuer wants the payer authenticated, so that later
            // payments need not be; attaching a card is a plain check of it, without 3D Secure.
            _ when request.IsVerification => request.SetUpForOffSession && card.ThreeDSecure
                is ThreeDSecureRequirement.Required or ThreeDSecureRequirement.RequiredThenDeclined or ThreeDSecureRequirement.RequiredUnlessSetUp,
            ThreeDSecureRequirement.Required or ThreeDSecureRequirement.RequiredThenDeclined => true,
            ThreeDSecureRequirement.RequiredUnlessSetUp => !request.SetUpForOffSession,
            _ => false,
        };
        if (challenge && !request.ThreeDSecureCompleted)
        {
            return new AuthorizationResult(AuthorizationStatus.RequiresAuthentication, null, null, checks, CardAftermath.None);
        }

        if (challenge && card.ThreeDSecure == ThreeDSecureRequirement.RequiredThenDeclined)
        {
            return Declined(CardDecline.Declined("generic_decline"));
        }

        if (request.IsVerification)
        {
            // A zero-amount check that the card exists and is usable: nothing to capture, nothing to happen later.
            return new AuthorizationResult(AuthorizationStatus.Approved, PrefixedId.New("simauth"), null, checks, CardAftermath.None);
        }

        return new AuthorizationResult(AuthorizationStatus.Approved, PrefixedId.New("simauth"), null, checks, card.Aftermath);
    }

    public async Task<AcquirerResult> IncrementAsync(string authorizationId, long amount, CancellationToken cancellationToken)
    {
        await DelayAsync(cancellationToken);
        return amount > 0 ? AcquirerResult.Success(PrefixedId.New("siminc")) : Invalid("amount");
    }

    public async Task<AcquirerResult> CaptureAsync(string authorizationId, long amount, CancellationToken cancellationToken)
    {
        await DelayAsync(cancellationToken);
        return amount > 0 ? AcquirerResult.Success(PrefixedId.New("simcap")) : Invalid("amount");
    }

    public async Task<AcquirerResult> VoidAsync(string authorizationId, CancellationToken cancellationToken)
    {
        await DelayAsync(cancellationToken);
        return AcquirerResult.Success(PrefixedId.New("simvoid"));
    }

    public async Task<AcquirerResult> RefundAsync(string authorizationId, long amount, CancellationToken cancellationToken)
    {
        await DelayAsync(cancellationToken);
        return amount > 0 ? AcquirerResult.Success(PrefixedId.New("simref")) : Invalid("amount");
    }

    static AcquirerResult Invalid(string what) =>
        AcquirerResult.Failed(new CardDecline("processing_error", null, $"The {what} was refused by the acquirer."));

    Task DelayAsync(CancellationToken cancellationToken) =>
        options.Value.Latency > TimeSpan.Zero ? Task.Delay(options.Value.Latency, cancellationToken) : Task.CompletedTask;
}
