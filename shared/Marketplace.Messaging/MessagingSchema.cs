using System.Reflection;

namespace Marketplace.Messaging;

/// <summary>The assembly that carries the outbox, inbox and saga tables' migrations.</summary>
public static class MessagingSchema
{
    public static Assembly Assembly => typeof(MessagingSchema).Assembly;
}
