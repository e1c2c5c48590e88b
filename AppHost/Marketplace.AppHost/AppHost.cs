// The local stack as an Aspire application model: one PostgreSQL server with a database per app,
// RabbitMQ with its management UI, and the eight apps on the ports deploy/local uses, so the
// gateway's default service addresses work unchanged.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres").WithDataVolume();
var rabbitmq = builder.AddRabbitMQ("rabbitmq").WithManagementPlugin().WithDataVolume();

// The installation's secrets, as deploy/local generates them into .local/secrets.env; here Aspire asks for them
// (user secrets: Parameters:context-signing-key, …). The signing key goes to every app, the two sealing keys each
// to the one service that seals with it.
var contextSigningKey = builder.AddParameter("context-signing-key", secret: true);
var onboardingEncryptionKey = builder.AddParameter("onboarding-encryption-key", secret: true);
var paymentsVaultKey = builder.AddParameter("payments-vault-key", secret: true);

var gateway = AddApp("gateway", "../../gateway/Marketplace.Gateway/Marketplace.Gateway.csproj", 8080)
    .WithExternalHttpEndpoints();

(string Name, string Project, int Port)[] services =
[
    ("onboarding", "../../services/Onboarding/Marketplace.Onboarding/Marketplace.Onboarding.csproj", 5101),
    ("payments", "../../services/Payments/Marketplace.Payments/Marketplace.Payments.csproj", 5102),
    ("ledger", "../../services/Ledger/Marketplace.Ledger/Marketplace.Ledger.csproj", 5103),
    ("payouts", "../../services/Payouts/Marketplace.Payouts/Marketplace.Payouts.csproj", 5104),
    ("billing", "../../services/Billing/Marketplace.Billing/Marketplace.Billing.csproj", 5105),
    ("fraud", "../../services/Fraud/Marketplace.Fraud/Marketplace.Fraud.csproj", 5106),
    ("webhooks", "../../services/Webhooks/Marketplace.Webhooks/Marketplace.Webhooks.csproj", 5107),
];

foreach (var (name, project, port) in services)
{
    var service = AddApp(name, project, port);
    if (name == "onboarding")
    {
        service.WithEnvironment("Onboarding__EncryptionKey", onboardingEncryptionKey);
    }
    else if (name == "payments")
    {
        service.WithEnvironment("Payments__VaultKey", paymentsVaultKey);
    }

    gateway.WithReference(service).WaitFor(service);
}

builder.Build().Run();

// Each app gets its own database (connection name = database name) and the broker (connection
// name "rabbitmq"). Launch profiles and Kestrel settings are ignored so the port is always the fixed one.
IResourceBuilder<ProjectResource> AddApp(string name, string projectPath, int port)
{
    // Resource names are unique across the model, so the database resource is "<name>-db".
    var database = postgres.AddDatabase($"{name}-db", databaseName: name);
    return builder.AddProject(name, projectPath, options =>
        {
            options.ExcludeLaunchProfile = true;
            options.ExcludeKestrelEndpoints = true;
        })
        .WithHttpEndpoint(port: port)
        .WithHttpHealthCheck("/health")
        .WithEnvironment("Gateway__ContextSigningKey", contextSigningKey)
        .WithReference(database, connectionName: name)
        .WithReference(rabbitmq)
        .WaitFor(database)
        .WaitFor(rabbitmq);
}
