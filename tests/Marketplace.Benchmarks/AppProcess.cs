using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Benchmarks;

/// <summary>One of the real apps (the gateway, a service), built in Release, as its own process: what a platform runs.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    readonly Process _process;

    AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The app whose project is <paramref name="projectFolder"/> (relative to the repository), e.g. <c>gateway/Marketplace.Gateway</c>.</summary>
    public static async Task<AppProcess> StartAsync(string projectFolder, IReadOnlyDictionary<string, string> environment)
    {
        var name = Path.GetFileName(projectFolder);
        var dll = Path.Combine(RepositoryRoot(), projectFolder, "bin", "Release", "net10.0", name + ".dll");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Errors go to standard error, which is echoed: a failed request under load shows its cause.
        start.Environment["Logging__Console__LogToStandardErrorThreshold"] = "Error";
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"  {name}: {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode}.");
            }

            try
            {
                using var alive = await probe.GetAsync("/alive");
                if (alive.IsSuccessStatusCode)
                {
                    return new AppProcess(process, address);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{name} did not come up within a minute.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Marketplace.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Marketplace.sln not found above the benchmark's folder.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
