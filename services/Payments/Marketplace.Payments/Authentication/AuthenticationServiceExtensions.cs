namespace Marketplace.Payments.Authentication;

public static class AuthenticationServiceExtensions
{
    /// <summary>The challenges' issuer, on <see cref="AuthenticationPageOptions"/>' public address.</summary>
    public static IHostApplicationBuilder AddAuthenticationPages(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AuthenticationPageOptions>(builder.Configuration.GetSection(AuthenticationPageOptions.Section));
        builder.Services.AddSingleton<AuthenticationChallenges>();
        return builder;
    }
}
