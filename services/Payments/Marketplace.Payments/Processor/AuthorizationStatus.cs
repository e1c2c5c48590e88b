namespace Marketplace.Payments.Processor;

public enum AuthorizationStatus
{
    Approved,
    Declined,

    /// <summary>The issuer wants a 3D Secure challenge first; the payment saga sends the buyer through it and tries again.</summary>
    RequiresAuthentication,
}
