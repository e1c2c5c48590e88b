using Npgsql;

namespace Marketplace.Data;

/// <summary>
/// How every service's connection pools are built. Statements run thousands of times an hour with the same text
/// (Dapper's, the journal writer's <c>unnest</c> batches), so Npgsql prepares them on the server after their second
/// use and skips PostgreSQL's parse and plan from then on: the journal writer's throughput rose by 60 % with it
/// (docs/benchmarks.md, ledger). A connection goes back to the pool without Npgsql's reset (seven statements —
/// <c>RESET ALL</c>, <c>pg_advisory_unlock_all()</c>, … — sent ahead of its next command): no service leaves session
/// state behind (every advisory lock is transaction-scoped, nothing runs <c>SET</c> without <c>LOCAL</c>, <c>LISTEN</c>
/// or creates temporary tables), and the reset was most of the statements PostgreSQL ran for a payment.
/// </summary>
public static class ServiceDataSources
{
    /// <summary>Prepared statements kept per connection; past that the least used is replaced.</summary>
    const int MaxAutoPrepare = 64;

    public static NpgsqlDataSource Build(string connectionString, string name, int? maxPoolSize = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = name };
        builder.ConnectionStringBuilder.MaxAutoPrepare = MaxAutoPrepare;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        if (maxPoolSize is { } size)
        {
            builder.ConnectionStringBuilder.MaxPoolSize = size;
        }

        return builder.Build();
    }
}
