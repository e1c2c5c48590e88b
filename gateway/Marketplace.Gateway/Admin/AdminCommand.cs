using System.Globalization;
using System.Text.Json;
using Marketplace.Api.Context;
using Marketplace.Gateway.Accounts;
using Marketplace.Gateway.ApiKeys;
using Marketplace.Gateway.Platforms;

namespace Marketplace.Gateway.Admin;

/// <summary>
/// <c>Marketplace.Gateway admin …</c> (or <c>deploy/local/admin …</c>): the operator's commands for platforms and keys,
/// run against the gateway's database. Each prints one JSON object; a key in clear is printed once, when created.
/// </summary>
public static class AdminCommand
{
    public const string Usage = """
        usage: admin platforms create
               admin keys create --platform <acct_…> --kind secret|publishable|restricted [--permissions customers=write,events=read] [--rate-limit <per second>]
               admin keys list --platform <acct_…>
               admin keys revoke <key_…>
               admin accounts connect --platform <acct_…> --account <acct_…>
        """;

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = Options(args);
        object? result = args switch
        {
            ["platforms", "create", ..] => await services.GetRequiredService<PlatformStore>().CreateAsync(null, cancellationToken),
            ["keys", "create", ..] => await CreateKeyAsync(services.GetRequiredService<ApiKeyStore>(), options, cancellationToken),
            ["keys", "list", ..] when options.TryGetValue("platform", out var platform) =>
                (await services.GetRequiredService<ApiKeyStore>().ListAsync(platform, cancellationToken)).Select(Describe).ToList(),
            ["keys", "revoke", var keyId, ..] => new { id = keyId, revoked = await services.GetRequiredService<ApiKeyStore>().RevokeAsync(keyId, cancellationToken) },
            ["accounts", "connect", ..] when options.TryGetValue("platform", out var platform) && options.TryGetValue("account", out var account) =>
                await ConnectAsync(services.GetRequiredService<AccountStore>(), platform, account, cancellationToken),
            _ => null,
        };

        if (result is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
        return 0;
    }

    static async Task<object?> CreateKeyAsync(ApiKeyStore keys, Dictionary<string, string> options, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue("platform", out var platform) || !options.TryGetValue("kind", out var kindName)
            || !Enum.TryParse<ApiKeyKind>(kindName, ignoreCase: true, out var kind))
        {
            return null;
        }

        var permissions = KeyPermissions.All;
        if (kind == ApiKeyKind.Restricted)
        {
            if (KeyPermissions.Parse(options.GetValueOrDefault("permissions")) is not { AllowsEverything: false } grants)
            {
                return null;
            }

            permissions = grants;
        }

        int? rateLimit = null;
        if (options.TryGetValue("rate-limit", out var limit))
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var perSecond) || perSecond <= 0)
            {
                return null;
            }

            rateLimit = perSecond;
        }

        var secret = ApiKeySecret.New(kind);
        var key = await keys.CreateAsync(platform, secret, permissions, rateLimit, cancellationToken);
        return new { key.Id, key.PlatformId, secret, Kind = kindName.ToLowerInvariant(), Permissions = key.Permissions.ToString(), key.RateLimitPerSecond };
    }

    static async Task<object> ConnectAsync(AccountStore accounts, string platform, string account, CancellationToken cancellationToken)
    {
        await accounts.AddConnectedAccountAsync(account, platform, cancellationToken);
        return new { account, platform };
    }

    static object Describe(ApiKey key) => new
    {
        key.Id,
        key.PlatformId,
        Kind = key.Kind.ToString().ToLowerInvariant(),
        key.Redacted,
        Permissions = key.Permissions.ToString(),
        key.RateLimitPerSecond,
        key.Revoked,
    };

    /// <summary><c>--name value</c> pairs.</summary>
    static Dictionary<string, string> Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = args[++i];
            }
        }

        return options;
    }
}
