using Marketplace.Api;
using Marketplace.Data;
using Marketplace.Gateway;
using Marketplace.Gateway.Admin;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.OpenApi;
using Marketplace.Gateway.Platforms;
using Marketplace.Gateway.Proxy;
using Marketplace.Gateway.RequestIds;
using Marketplace.Messaging;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

if (args is ["admin", .. var command])
{
    // Standard output carries the command's answer only.
    builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.AddGateway();
    var admin = builder.Build();
    await admin.Services.MigrateDatabaseAsync();
    return await AdminCommand.RunAsync(admin.Services, command, Console.Out);
}

// The documented default address; ASPNETCORE_URLS (or --urls) moves it.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
await app.Services.BootstrapPlatformAsync();
app.UseMiddleware<RequestIdMiddleware>();
app.UseStripeApiErrors();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.MapOpenApiApi();
app.MapProxyApi();
app.MapUnrecognizedRequestUrlFallback();
app.Run();
return 0;
