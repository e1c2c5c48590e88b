using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Data;

/// <summary>
/// Applies the forward-only, numbered <c>.sql</c> migrations embedded in the registered assemblies.
/// Each script runs once, recorded in <c>schema_versions</c>. Scripts run assembly by assembly in the order the
/// sources list them (the shared libraries' schema before the service's), and within an assembly by file name, so
/// that <c>0002</c> in one feature folder runs after <c>0001</c> in another whatever the folders are called.
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
            .WithScriptNameComparer(new MigrationOrder(sources.Assemblies))
            .WithTransactionPerScript()
            .LogTo(new MigrationLog(logger))
            .Build()
            .PerformUpgrade();

        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration '{result.ErrorScript?.Name}' failed.", result.Error);
        }
    }

    /// <summary>Orders resource names <c>{assembly}.{folders}.{NNNN_name}.sql</c> by assembly, then by file name.</summary>
    sealed class MigrationOrder(IReadOnlyList<System.Reflection.Assembly> assemblies) : IComparer<string>
    {
        public int Compare(string? x, string? y) =>
            (Key(x), Key(y)) switch
            {
                var ((ax, fx), (ay, fy)) when ax != ay => ax.CompareTo(ay),
                var ((_, fx), (_, fy)) => string.CompareOrdinal(fx, fy),
            };

        (int Assembly, string File) Key(string? resourceName)
        {
            var name = resourceName ?? "";
            var assembly = assemblies.Count;
            for (var i = 0; i < assemblies.Count; i++)
            {
                if (name.StartsWith(assemblies[i].GetName().Name + ".", StringComparison.Ordinal))
                {
                    assembly = i;
                    break;
                }
            }

            var withoutExtension = name[..^".sql".Length];
            return (assembly, withoutExtension[(withoutExtension.LastIndexOf('.') + 1)..]);
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
