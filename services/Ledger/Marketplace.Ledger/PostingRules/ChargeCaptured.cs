namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// A captured charge as the ledger needs it. <paramref name="OnAccount"/> is whose balance the charge lands on: the
/// platform for a platform or destination charge, the connected account for a direct charge. For a destination
/// charge, <paramref name="Destination"/> is the connected account and <paramref name="TransferAmount"/> what it
/// receives (<c>transfer_data[amount]</c>, or the whole amount); <paramref name="ApplicationFeeAmount"/> goes back to the
/// platform (from the destination, or, for a direct charge, from the account the charge is on) as the
/// <c>application_fee</c> object <paramref name="ApplicationFeeId"/>. A charge made <paramref name="OnBehalfOf"/> a
/// connected account moves money as its shape says, but settles in that account's currency.
/// </summary>
public sealed record ChargeCaptured(
    string ChargeId,
    string PlatformId,
    string OnAccount,
    long Amount,
    string Currency,
    string? Destination = null,
    long? TransferAmount = null,
    long? ApplicationFeeAmount = null,
    string? ApplicationFeeId = null,
    string? OnBehalfOf = null)
{
    /// <summary>The account the application fee is collected from, or null when the charge carries none.</summary>
    public string? ApplicationFeeAccount =>
        ApplicationFeeAmount is not > 0 ? null : Destination ?? (OnAccount == PlatformId ? null : OnAccount);
}
