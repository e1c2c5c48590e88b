using Marketplace.Api.Context;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Tests.Context;

public sealed class GatewayContextSignerTests
{
    const string Key = "a-signing-key-of-at-least-thirty-two-characters";

    static readonly RequestContext Context = new()
    {
        PlatformId = "acct_platform",
        AccountId = "acct_connected",
        KeyKind = ApiKeyKind.Restricted,
        Permissions = KeyPermissions.Restricted(new Dictionary<string, ResourceAccess> { ["customers"] = ResourceAccess.Write }),
        RequestId = "req_1",
        IdempotencyKey = "key-1",
    };

    [Fact]
    public void SignedHeaders_VerifyToTheSameContext()
    {
        var signer = new GatewayContextSigner(Key, new ManualTime());

        var verified = signer.Verify(Request("POST", "/v1/customers", signer.Sign("POST", "/v1/customers", Context)));

        Assert.NotNull(verified);
        Assert.Equal(Context.PlatformId, verified.PlatformId);
        Assert.Equal(Context.AccountId, verified.AccountId);
        Assert.Equal(Context.KeyKind, verified.KeyKind);
        Assert.Equal("customers=write", verified.Permissions.ToString());
        Assert.Equal(Context.RequestId, verified.RequestId);
        Assert.Equal(Context.IdempotencyKey, verified.IdempotencyKey);
        Assert.True(verified.IsConnectedAccount);
    }

    [Theory]
    [InlineData(GatewayContextHeaders.Platform, "acct_other")]
    [InlineData(GatewayContextHeaders.Account, "acct_other")]
    [InlineData(GatewayContextHeaders.KeyKind, "secret")]
    [InlineData(GatewayContextHeaders.Permissions, "*")]
    [InlineData(GatewayContextHeaders.RequestId, "req_2")]
    [InlineData(GatewayContextHeaders.IdempotencyKey, "key-2")]
    [InlineData(GatewayContextHeaders.Signature, "t=0,v1=00")]
    public void AnyChangedHeader_FailsVerification(string header, string value)
    {
        var signer = new GatewayContextSigner(Key, new ManualTime());
        var request = Request("POST", "/v1/customers", signer.Sign("POST", "/v1/customers", Context));

        request.Headers[header] = value;

        Assert.Null(signer.Verify(request));
    }

    [Theory]
    [InlineData("GET", "/v1/customers")]
    [InlineData("POST", "/v1/charges")]
    public void HeadersSignedForAnotherRequest_FailVerification(string method, string path)
    {
        var signer = new GatewayContextSigner(Key, new ManualTime());

        Assert.Null(signer.Verify(Request(method, path, signer.Sign("POST", "/v1/customers", Context))));
    }

    [Fact]
    public void HeadersSignedWithAnotherKey_FailVerification()
    {
        var time = new ManualTime();
        var other = new GatewayContextSigner(Key + "-but-another", time);

        Assert.Null(new GatewayContextSigner(Key, time).Verify(Request("POST", "/v1/customers", other.Sign("POST", "/v1/customers", Context))));
    }

    [Fact]
    public void HeadersOlderThanTheTolerance_FailVerification()
    {
        var time = new ManualTime();
        var signer = new GatewayContextSigner(Key, time);
        var request = Request("POST", "/v1/customers", signer.Sign("POST", "/v1/customers", Context));

        time.Advance(GatewayContextSigner.Tolerance - TimeSpan.FromSeconds(1));
        Assert.NotNull(signer.Verify(request));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(signer.Verify(request));
    }

    [Fact]
    public void NoHeaders_FailVerification() =>
        Assert.Null(new GatewayContextSigner(Key, new ManualTime()).Verify(Request("GET", "/v1/customers", [])));

    [Fact]
    public void AShortKey_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new GatewayContextSigner("too-short", TimeProvider.System));

    static HttpRequest Request(string method, string path, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Path = path;
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        return request;
    }

    sealed class ManualTime : TimeProvider
    {
        DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
