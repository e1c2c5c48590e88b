using System.Text.Json;
using Dapper;
using Marketplace.Contracts.ApiEvents;
using Npgsql;

namespace Marketplace.Onboarding.Tests.Support;

/// <summary>What the service wrote to its outbox (relay paused), read straight from the database.</summary>
static class Outbox
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<T>> MessagesAsync<T>(NpgsqlDataSource database)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var bodies = await connection.QueryAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE message_type = @type ORDER BY sequence_number",
            new { type = $"{typeof(T).FullName}, {typeof(T).Assembly.GetName().Name}" });
        return [.. bodies.Select(body => JsonSerializer.Deserialize<T>(body, Json)!)];
    }

    /// <summary>Every outbox body as text, whatever its type: for asserting what never appears in any message.</summary>
    public static async Task<string> AllBodiesAsync(NpgsqlDataSource database)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return string.Join('\n', await connection.QueryAsync<string>("SELECT body::text FROM outbox_messages"));
    }

    public static async Task<IReadOnlyList<ApiEventRaised>> EventsAsync(NpgsqlDataSource database, string accountId) =>
        [.. (await MessagesAsync<ApiEventRaised>(database)).Where(e => e.AccountId == accountId)];
}
