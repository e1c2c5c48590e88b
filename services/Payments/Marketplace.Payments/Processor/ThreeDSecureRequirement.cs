namespace Marketplace.Payments.Processor;

public enum ThreeDSecureRequirement
{
    /// <summary>The card has no 3D Secure enrolment.</summary>
    NotSupported,

    /// <summary>Enrolled, but the issuer does not ask for it.</summary>
    Optional,

    /// <summary>Every payment needs a challenge, off-session ones included.</summary>
    Required,

    /// <summary>A challenge unless the card was set up for off-session use first.</summary>
    RequiredUnlessSetUp,

    /// <summary>A challenge, after which the issuer declines anyway.</summary>
    RequiredThenDeclined,
}
