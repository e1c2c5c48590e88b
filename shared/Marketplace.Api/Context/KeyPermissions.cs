namespace Marketplace.Api.Context;

/// <summary>
/// What a key may do, per resource (the path segment after <c>/v1/</c>, such as <c>customers</c>): none, read or
/// write (write includes read), as a restricted key's settings in Stripe's dashboard. Written on the wire as
/// <c>*</c> (everything) or <c>customers=write,events=read</c>.
/// </summary>
public sealed class KeyPermissions
{
    public static readonly KeyPermissions All = new(null);

    readonly IReadOnlyDictionary<string, ResourceAccess>? _grants;

    KeyPermissions(IReadOnlyDictionary<string, ResourceAccess>? grants) => _grants = grants;

    public static KeyPermissions Restricted(IReadOnlyDictionary<string, ResourceAccess> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return new(new Dictionary<string, ResourceAccess>(grants, StringComparer.Ordinal));
    }

    public bool AllowsEverything => _grants is null;

    public IReadOnlyDictionary<string, ResourceAccess> Grants => _grants ?? new Dictionary<string, ResourceAccess>();

    public ResourceAccess For(string resource) =>
        _grants is null ? ResourceAccess.Write : _grants.GetValueOrDefault(resource, ResourceAccess.None);

    public bool Allows(string resource, ResourceAccess needed) => For(resource) >= needed;

    public override string ToString() =>
        _grants is null
            ? "*"
            : string.Join(',', _grants.OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}={(g.Value == ResourceAccess.Write ? "write" : "read")}"));

    /// <summary>Reads <see cref="ToString"/>'s form; null when it is not that form.</summary>
    public static KeyPermissions? Parse(string? text)
    {
        if (text == "*")
        {
            return All;
        }

        if (text is null)
        {
            return null;
        }

        var grants = new Dictionary<string, ResourceAccess>(StringComparer.Ordinal);
        foreach (var grant in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (resource, access) = grant.Split('=') switch
            {
                [var r, "read"] => (r, ResourceAccess.Read),
                [var r, "write"] => (r, ResourceAccess.Write),
                _ => ("", ResourceAccess.None),
            };
            if (resource.Length == 0)
            {
                return null;
            }

            grants[resource] = access;
        }

        return new(grants);
    }
}
