namespace Marketplace.Payments.Processor;

/// <summary><c>Payments:Processor</c>: how the simulated acquirer behaves.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Payments:Processor";

    /// <summary>Added to every call, so that benchmarks pay for a network hop as a real acquirer costs one; zero by default.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;
}
