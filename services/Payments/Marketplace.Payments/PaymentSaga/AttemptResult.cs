namespace Marketplace.Payments.PaymentSaga;

/// <summary>Where a step left the attempt, for the state machine to move to the matching state.</summary>
public enum AttemptResult
{
    /// <summary>Declined, blocked or not assessed: the intent needs another payment method.</summary>
    Failed,

    /// <summary>Authorised and captured; the Ledger has been asked to journal it.</summary>
    Posting,

    /// <summary>Authorised with manual capture: the intent waits in <c>requires_capture</c>.</summary>
    AwaitingCapture,

    /// <summary>The payer must authenticate (3D Secure) before the issuer decides, or approve on the bank's page.</summary>
    Authenticating,

    /// <summary>A bank debit (SEPA) was submitted: the intent stays <c>processing</c> until the scheme settles or returns it.</summary>
    Settling,

    /// <summary>The intent has left this attempt (canceled, or confirmed again): nothing more to do.</summary>
    Abandoned,
}
