using Marketplace.Messaging.DeadLetters;
using Marketplace.Messaging.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Messaging;

public static class MessagingEndpointRouteBuilderExtensions
{
    /// <summary>The operator's internal endpoints for the backbone: the probe and the dead-letter queues.</summary>
    public static IEndpointRouteBuilder MapMessagingOperationsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapBackboneProbeApi().MapDeadLetterApi();
}
