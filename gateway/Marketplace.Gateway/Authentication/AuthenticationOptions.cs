namespace Marketplace.Gateway.Authentication;

/// <summary>Configuration section <c>Gateway:Authentication</c>.</summary>
public sealed class AuthenticationOptions
{
    /// <summary>How long a key or account lookup is reused: a revoked key keeps working for at most this long.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(2);
}
