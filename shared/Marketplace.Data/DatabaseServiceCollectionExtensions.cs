using System.Reflection;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the service's one <see cref="NpgsqlDataSource"/> (from <c>ConnectionStrings:{name}</c>) and the
    /// assemblies whose embedded <c>.sql</c> files are its migrations.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase(
        this IHostApplicationBuilder builder, string name, params Assembly[] migrationAssemblies)
    {
        var connectionString = builder.Configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        builder.Services.AddSingleton(_ => ServiceDataSources.Build(connectionString, name));
        builder.Services.AddSingleton(new MigrationSources(connectionString, migrationAssemblies));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>($"postgres-{name}");
        return builder;
    }
}
