namespace Marketplace.Payments.Customers;

/// <summary>
/// What a request asks of one field: nothing (<c>default</c>), or a new value — null for a field that Stripe's empty
/// value (<c>description=</c>) clears.
/// </summary>
internal readonly record struct FieldChange<T>(bool IsGiven, T Value)
{
    public T ApplyTo(T current) => IsGiven ? Value : current;
}
