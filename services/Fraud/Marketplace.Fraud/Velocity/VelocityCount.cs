namespace Marketplace.Fraud.Velocity;

/// <summary>Payments in the last hour and the last day, the one being assessed included.</summary>
public readonly record struct VelocityCount(int Hourly, int Daily);
