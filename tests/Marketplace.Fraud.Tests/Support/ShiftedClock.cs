namespace Marketplace.Fraud.Tests.Support;

/// <summary>The system clock moved by a fixed offset: a service that believes it is later than it is.</summary>
sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
