using System.Diagnostics;
using System.Text.Json;
using Xunit;

[assembly: AssemblyFixture(typeof(Marketplace.EndToEnd.Tests.RunningPlatform))]

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Runs <c>deploy/local/up --no-build</c> (the test command built the solution already) once for the whole
/// assembly, and <c>deploy/local/down</c> afterwards. A stack a developer already runs is reused, not stopped.
/// </summary>
public sealed class RunningPlatform : IAsyncLifetime
{
    public static readonly Uri Gateway = new("http://127.0.0.1:8080");

    static string RepoRoot => Environment.GetEnvironmentVariable("MARKETPLACE_REPO_ROOT")
        ?? throw new InvalidOperationException("MARKETPLACE_REPO_ROOT is not set: run the tests with deploy/local/test.");

    bool _startedHere;

    public int UpExitCode { get; private set; }

    public string UpOutput { get; private set; } = "";

    public HttpClient Client { get; } = new() { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(10) };

    public async ValueTask InitializeAsync()
    {
        _startedHere = !await IsGatewayUpAsync();
        (UpExitCode, UpOutput) = await RunAsync("deploy/local/up", "--no-build");
    }

    public async ValueTask DisposeAsync()
    {
        if (_startedHere)
        {
            await RunAsync("deploy/local/down");
        }

        Client.Dispose();
    }

    public static Uri Service(int port) => new($"http://127.0.0.1:{port}");

    /// <summary>A platform of its own for a test, created as an operator would (<c>deploy/local/admin platforms create</c>).</summary>
    public static async Task<TestPlatform> CreatePlatformAsync()
    {
        var created = await AdminAsync("platforms", "create");
        return new TestPlatform(
            created.GetProperty("platform_id").GetString()!,
            created.GetProperty("secret_key").GetString()!,
            created.GetProperty("publishable_key").GetString()!);
    }

    /// <summary>Runs <c>deploy/local/admin</c> and returns the JSON it printed.</summary>
    public static async Task<JsonElement> AdminAsync(params string[] arguments)
    {
        var (exitCode, output) = await RunAsync("deploy/local/admin", arguments, captureError: false);
        Assert.True(exitCode == 0, $"deploy/local/admin {string.Join(' ', arguments)} failed: {output}");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.Clone();
    }

    /// <summary>
    /// Stripe.net pointed at the gateway, as a platform's developer would use it. Its retries stay on (they are part
    /// of what the SDK does against Stripe: 409 and 429 with <c>Stripe-Should-Retry</c> are retried).
    /// </summary>
    public static Stripe.StripeClient Stripe(string apiKey, int maxNetworkRetries = 2) =>
        new(apiKey: apiKey, httpClient: new Stripe.SystemNetHttpClient(new HttpClient(), maxNetworkRetries), apiBase: Gateway.ToString().TrimEnd('/'));

    async Task<bool> IsGatewayUpAsync()
    {
        try
        {
            using var response = await Client.GetAsync("/alive");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    static string Home => Environment.GetEnvironmentVariable("MARKETPLACE_HOME") ?? Path.Combine(RepoRoot, ".local");

    /// <summary>The stack's logs directory, one file per app.</summary>
    public static string LogsDirectory => Path.Combine(Home, "logs");

    /// <summary>An app's own database, opened with the app's login from the installation's secrets (an owner's view of every table).</summary>
    public static Npgsql.NpgsqlDataSource Database(string app)
    {
        var key = $"MARKETPLACE_DB_PASSWORD_{app.ToUpperInvariant()}=";
        var password = File.ReadLines(Path.Combine(Home, "secrets.env")).Single(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..];
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(Marketplace.Testing.TestEnvironment.PostgresAdmin);
        return Npgsql.NpgsqlDataSource.Create(new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = admin.Host, Port = admin.Port, Database = app, Username = app, Password = password,
        }.ConnectionString);
    }

    /// <summary>Kills one app of the stack at once (SIGKILL: no graceful shutdown, as a crash), as <c>deploy/local</c> started it.</summary>
    public static void Kill(string app)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(Home, "run", $"{app}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    /// <summary>Starts whatever app of the stack is not running (<c>deploy/local/up --no-build</c> leaves running ones alone).</summary>
    public static async Task RestartStoppedAppsAsync()
    {
        var (exitCode, output) = await RunAsync("deploy/local/up", "--no-build");
        Assert.True(exitCode == 0, output);
    }

    /// <summary>Restarts RabbitMQ's application under the running stack: every connection drops.</summary>
    public static async Task RestartBrokerAsync()
    {
        var (exitCode, output) = await RunAsync("deploy/local/servers", "--restart-broker");
        Assert.True(exitCode == 0, output);
    }

    static Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments) => RunAsync(script, arguments, captureError: true);

    static async Task<(int ExitCode, string Output)> RunAsync(string script, string[] arguments, bool captureError)
    {
        var start = new ProcessStartInfo(Path.Combine(RepoRoot, script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, captureError || process.ExitCode != 0 ? await stdout + await stderr : await stdout);
    }
}
