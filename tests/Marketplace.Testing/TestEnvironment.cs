namespace Marketplace.Testing;

/// <summary>
/// Where the real servers are: <c>deploy/local/test</c> exports these after starting PostgreSQL and RabbitMQ.
/// A test run without them fails loudly rather than skipping: these tests exist to exercise the real servers.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdmin => Require("MARKETPLACE_TEST_POSTGRES");

    public static string RabbitMqHost => Environment.GetEnvironmentVariable("MARKETPLACE_TEST_RABBITMQ_HOST") ?? "127.0.0.1";

    public static string RabbitMqUser => Require("MARKETPLACE_TEST_RABBITMQ_USER");

    public static string RabbitMqPassword => Require("MARKETPLACE_TEST_RABBITMQ_PASSWORD");

    public static Uri RabbitMqManagement => new(Environment.GetEnvironmentVariable("MARKETPLACE_TEST_RABBITMQ_MANAGEMENT") ?? "http://127.0.0.1:15672");

    static string Require(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set: run the tests with deploy/local/test, which starts the servers and sets it.");
}
