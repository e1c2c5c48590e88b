using System.Collections.Concurrent;

namespace Marketplace.Messaging.Outbox;

/// <summary>
/// Maps message types to the version-free names stored in <c>outbox_messages.message_type</c>, and back,
/// so that a row written by one build of a service can be relayed by the next.
/// </summary>
static class MessageTypeNames
{
    static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Types.GetOrAdd(name, static n => Type.GetType(n, throwOnError: true)!);
}
