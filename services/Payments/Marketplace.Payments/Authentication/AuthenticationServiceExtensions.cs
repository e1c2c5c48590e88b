namespace Marketplace.Payments.Authentication;

public static class AuthenticationServiceExtensions
{
    /// <summary>Reads <see cref="AuthenticationPageOptions"/>, on which every challenge URL is built.</summary>
    public static IHostApplicationBuilder AddAuthenticationPages(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthenticationPageOptions.Section).Get<AuthenticationPageOptions>() ?? new AuthenticationPageOptions();
        AuthenticationChallenges.PublicBaseUrl = options.PublicBaseUrl;
        return builder;
    }
}
