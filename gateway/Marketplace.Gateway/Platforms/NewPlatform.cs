namespace Marketplace.Gateway.Platforms;

/// <summary>A platform just created, with its keys in clear: the only time they are shown.</summary>
public sealed record NewPlatform(string PlatformId, string SecretKey, string PublishableKey);
