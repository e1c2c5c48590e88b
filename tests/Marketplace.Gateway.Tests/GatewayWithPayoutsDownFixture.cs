using Marketplace.Gateway.Tests;

[assembly: AssemblyFixture(typeof(GatewayWithPayoutsDownFixture))]

namespace Marketplace.Gateway.Tests;

/// <summary>The gateway with the Payouts service down and every other service up.</summary>
public sealed class GatewayWithPayoutsDownFixture : GatewayFixture
{
    protected override IReadOnlyCollection<string> ServicesDown => ["payouts"];
}
