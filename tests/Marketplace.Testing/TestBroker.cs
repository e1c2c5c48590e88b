using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace Marketplace.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own for one test class, so that exchanges, queues and stray messages of one
/// test never reach another; created and deleted through the management API.
/// </summary>
public sealed class TestBroker : IAsyncLifetime
{
    readonly HttpClient _management = new() { BaseAddress = TestEnvironment.RabbitMqManagement };

    public string VirtualHost { get; } = $"test-{Guid.NewGuid():N}";

    /// <summary>The <c>amqp://</c> URI services take as <c>ConnectionStrings:rabbitmq</c>.</summary>
    public string ConnectionString =>
        $"amqp://{Uri.EscapeDataString(TestEnvironment.RabbitMqUser)}:{Uri.EscapeDataString(TestEnvironment.RabbitMqPassword)}@{TestEnvironment.RabbitMqHost}:5672/{VirtualHost}";

    public async ValueTask InitializeAsync()
    {
        var credentials = Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitMqUser}:{TestEnvironment.RabbitMqPassword}");
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));

        (await _management.PutAsync($"api/vhosts/{VirtualHost}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await _management.PutAsync($"api/permissions/{VirtualHost}/{Uri.EscapeDataString(TestEnvironment.RabbitMqUser)}", permissions)).EnsureSuccessStatusCode();
    }

    /// <summary>Messages waiting in <paramref name="queue"/> of this virtual host (the management API's view, refreshed every few seconds).</summary>
    public async Task<int> QueueDepthAsync(string queue)
    {
        using var response = await _management.GetAsync($"api/queues/{VirtualHost}/{queue}");
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt32() : 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"api/vhosts/{VirtualHost}");
        _management.Dispose();
    }
}
