using System.Diagnostics;
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

    static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
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
        return (process.ExitCode, await stdout + await stderr);
    }
}
