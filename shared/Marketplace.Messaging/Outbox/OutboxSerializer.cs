using System.Text.Json;

namespace Marketplace.Messaging.Outbox;

/// <summary>How message bodies and headers are stored in the outbox: plain JSON, readable by an operator with psql.</summary>
static class OutboxSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
