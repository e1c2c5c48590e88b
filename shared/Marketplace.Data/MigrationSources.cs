using System.Reflection;

namespace Marketplace.Data;

/// <summary>The assemblies whose embedded <c>.sql</c> resources make up a database's migrations.</summary>
public sealed class MigrationSources(IReadOnlyList<Assembly> assemblies)
{
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;
}
