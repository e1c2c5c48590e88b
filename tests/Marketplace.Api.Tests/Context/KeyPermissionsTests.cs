using Marketplace.Api.Context;

namespace Marketplace.Api.Tests.Context;

public sealed class KeyPermissionsTests
{
    [Fact]
    public void All_AllowsWriteEverywhere()
    {
        Assert.True(KeyPermissions.All.Allows("anything", ResourceAccess.Write));
        Assert.Equal("*", KeyPermissions.All.ToString());
    }

    [Fact]
    public void Restricted_WriteIncludesReadAndUngrantedIsNone()
    {
        var permissions = KeyPermissions.Parse("customers=write,events=read")!;

        Assert.True(permissions.Allows("customers", ResourceAccess.Read));
        Assert.True(permissions.Allows("customers", ResourceAccess.Write));
        Assert.True(permissions.Allows("events", ResourceAccess.Read));
        Assert.False(permissions.Allows("events", ResourceAccess.Write));
        Assert.False(permissions.Allows("charges", ResourceAccess.Read));
    }

    [Theory]
    [InlineData("customers=write,events=read")]
    [InlineData("*")]
    [InlineData("")]
    public void ToString_ParsesBackToTheSameGrants(string text) =>
        Assert.Equal(text, KeyPermissions.Parse(text)!.ToString());

    [Theory]
    [InlineData("customers")]
    [InlineData("customers=admin")]
    [InlineData("=read")]
    public void MalformedGrants_DoNotParse(string text) => Assert.Null(KeyPermissions.Parse(text));
}
