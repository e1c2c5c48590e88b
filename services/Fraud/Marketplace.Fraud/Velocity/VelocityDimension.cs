namespace Marketplace.Fraud.Velocity;

/// <summary>What a velocity counter counts payments by.</summary>
public enum VelocityDimension
{
    CardFingerprint,
    Email,
    IpAddress,
}
