using Marketplace.Gateway.RateLimits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Marketplace.Gateway.Tests.RateLimits;

public sealed class LoadShedderTests
{
    [Fact]
    public void UnderOverload_OrdinaryRequestsStopAtTheReserveAndCriticalWritesUseIt()
    {
        var shedder = new LoadShedder(Options.Create(new RateLimitOptions { MaxConcurrentRequests = 10, CriticalReserve = 0.2 }));

        var ordinary = Enumerable.Range(0, 9).Count(_ => shedder.TryEnter(critical: false));
        var critical = Enumerable.Range(0, 3).Count(_ => shedder.TryEnter(critical: true));

        Assert.Equal(8, ordinary);
        Assert.Equal(2, critical);
        Assert.Equal(10, shedder.InFlight);
    }

    [Fact]
    public void ReleasedCapacity_IsAvailableAgain()
    {
        var shedder = new LoadShedder(Options.Create(new RateLimitOptions { MaxConcurrentRequests = 1, CriticalReserve = 0 }));

        Assert.True(shedder.TryEnter(critical: false));
        Assert.False(shedder.TryEnter(critical: false));
        shedder.Release();
        Assert.True(shedder.TryEnter(critical: false));
    }

    [Theory]
    [InlineData("POST", "/v1/payment_intents", true)]
    [InlineData("POST", "/v1/payment_intents/pi_1/confirm", true)]
    [InlineData("POST", "/v1/refunds", true)]
    [InlineData("GET", "/v1/payment_intents", false)]
    [InlineData("POST", "/v1/customers", false)]
    [InlineData("POST", "/v1/payment_intentsx", false)]
    public void CriticalRequests_AreTheWritesThatMoveMoney(string method, string path, bool critical)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Path = path;

        Assert.Equal(critical, CriticalRequests.Includes(request));
    }
}
