using System.Text.Json;
using Dapper;
using Marketplace.Contracts.ApiEvents;
using Npgsql;

namespace Marketplace.Payments.Tests.Support;

/// <summary>What the service wrote, read straight from its database: customers, mandates and the events waiting in its outbox.</summary>
static class Rows
{
    static readonly JsonSerializerOptions OutboxJson = new(JsonSerializerDefaults.Web);

    public static async Task<long> CustomerCountAsync(NpgsqlDataSource database, string accountId)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM customers WHERE account_id = @accountId", new { accountId });
    }

    public static async Task<long> MandateCountAsync(NpgsqlDataSource database, string accountId)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM mandates WHERE account_id = @accountId", new { accountId });
    }

    /// <summary>Every <see cref="ApiEventRaised"/> published for <paramref name="accountId"/>, in the order they were written.</summary>
    public static async Task<IReadOnlyList<ApiEventRaised>> EventsAsync(NpgsqlDataSource database, string accountId)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var bodies = await connection.QueryAsync<string>(
            """
            SELECT body::text FROM outbox_messages
            WHERE message_type = @type AND body ->> 'accountId' = @accountId
            ORDER BY sequence_number
            """,
            new { type = $"{typeof(ApiEventRaised).FullName}, {typeof(ApiEventRaised).Assembly.GetName().Name}", accountId });
        return [.. bodies.Select(body => JsonSerializer.Deserialize<ApiEventRaised>(body, OutboxJson)!)];
    }

    /// <summary>Every message of type <typeparamref name="T"/> waiting in the outbox (the relay is paused), in the order they were written.</summary>
    public static async Task<IReadOnlyList<T>> OutboxAsync<T>(NpgsqlDataSource database)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var bodies = await connection.QueryAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE message_type = @type ORDER BY sequence_number",
            new { type = $"{typeof(T).FullName}, {typeof(T).Assembly.GetName().Name}" });
        return [.. bodies.Select(body => JsonSerializer.Deserialize<T>(body, OutboxJson)!)];
    }

    /// <summary>Whether a setup intent succeeded with the payment method for off-session use (<c>payment_methods.set_up_for_off_session</c>).</summary>
    public static async Task<bool> SetUpForOffSessionAsync(NpgsqlDataSource database, string paymentMethodId)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT set_up_for_off_session FROM payment_methods WHERE id = @paymentMethodId", new { paymentMethodId });
    }

    /// <summary>The events about one customer.</summary>
    public static async Task<IReadOnlyList<ApiEventRaised>> EventsAsync(NpgsqlDataSource database, string accountId, string customerId) =>
        [.. (await EventsAsync(database, accountId)).Where(e => JsonDocument.Parse(e.ObjectJson).RootElement.GetProperty("id").GetString() == customerId)];
}
