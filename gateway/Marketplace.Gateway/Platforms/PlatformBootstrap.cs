namespace Marketplace.Gateway.Platforms;

/// <summary>
/// <c>MARKETPLACE_BOOTSTRAP_SECRET_KEY</c>, when set, is the secret key of the first platform: a fresh install is
/// usable with a key its operator chose, and a restart (or a second gateway) finds the key there and does nothing.
/// </summary>
public static partial class PlatformBootstrap
{
    public const string Setting = "MARKETPLACE_BOOTSTRAP_SECRET_KEY";

    public static async Task BootstrapPlatformAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var secretKey = services.GetRequiredService<IConfiguration>()[Setting];
        if (string.IsNullOrWhiteSpace(secretKey))
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformBootstrap));
        if (await services.GetRequiredService<PlatformStore>().CreateAsync(secretKey.Trim(), cancellationToken) is { } created)
        {
            LogCreated(logger, created.PlatformId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created platform {PlatformId} with the bootstrap secret key")]
    static partial void LogCreated(ILogger logger, string platformId);
}
