using MassTransit;

namespace Marketplace.Messaging.Sagas;

/// <summary>Another consumer changed the saga instance since it was read; the message is retried on fresh state.</summary>
public sealed class SagaConcurrencyException(Type sagaType, Guid correlationId, int readVersion)
    : ConcurrencyException($"Saga {sagaType.Name} {correlationId} changed since version {readVersion} was read.", sagaType, correlationId);
