using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Benchmarks.Payments;

/// <summary>PostgreSQL's own TPC-B-like rate (<c>pgbench</c>) on the same server, on a throw-away database, in the same run.</summary>
public static partial class PgBench
{
    public static async Task<double> TpcBAsync(int clients, TimeSpan duration)
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await RunAsync(connection, "-i", "-q", "-s", "10");
        var output = await RunAsync(connection, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        return double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    static async Task<string> RunAsync(NpgsqlConnectionStringBuilder connection, params string[] arguments)
    {
        var start = new ProcessStartInfo("pgbench") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username! }
            .Concat(arguments).Append(connection.Database!))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = connection.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"pgbench failed: {await error}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
