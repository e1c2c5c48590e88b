namespace Marketplace.Api.Context;

/// <summary>Ordered: a grant allows everything at or below it.</summary>
public enum ResourceAccess
{
    None,
    Read,
    Write,
}
