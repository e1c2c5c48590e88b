using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Data;

/// <summary>
/// Applies the forward-only, numbered <c>.sql</c> migrations embedded in the registered assemblies.
/// Each script runs once, recorded in <c>schema_versions</c>; scripts are ordered by resource name,
/// so a service's own scripts sort after the shared libraries' (<c>Marketplace.Data</c>, <c>Marketplace.Messaging</c>).
/// </summary>
public static class DatabaseMigrator
{
    public static Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        var sources = services.GetRequiredService<MigrationSources>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        return Task.Run(() => Migrate(sources, logger));
    }

    public static void Migrate(MigrationSources sources, ILogger logger)
    {
        var result = DeployChanges.To
            .PostgresqlDatabase(sources.ConnectionString)
            .WithScriptsEmbeddedInAssemblies([.. sources.Assemblies], name => name.EndsWith(".sql", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new MigrationLog(logger))
            .Build()
            .PerformUpgrade();

        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration '{result.ErrorScript?.Name}' failed.", result.Error);
        }
    }

    sealed class MigrationLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) => Log(LogLevel.Information, null, format, args);

        public void LogWarning(string format, params object[] args) => Log(LogLevel.Warning, null, format, args);

        public void LogError(string format, params object[] args) => Log(LogLevel.Error, null, format, args);

        public void LogError(Exception ex, string format, params object[] args) => Log(LogLevel.Error, ex, format, args);

        void Log(LogLevel level, Exception? exception, string format, object[] args)
        {
            if (logger.IsEnabled(level))
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
                logger.Log(level, exception, "{Migration}", text);
            }
        }
    }
}
