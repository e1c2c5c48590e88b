using Marketplace.Data;
using Marketplace.Gateway;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Proxy;
using Marketplace.Gateway.RequestIds;
using Marketplace.Messaging;
using Marketplace.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

// The documented default address; ASPNETCORE_URLS (or --urls) moves it.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
app.UseMiddleware<RequestIdMiddleware>();
app.MapDefaultEndpoints();
app.MapMessagingOperationsApi();
app.MapProxyApi();
app.MapUnrecognizedRequestUrlFallback();
app.Run();
