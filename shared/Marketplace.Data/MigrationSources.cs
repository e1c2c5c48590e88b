using System.Reflection;

namespace Marketplace.Data;

/// <summary>
/// A database's migrations: the assemblies whose embedded <c>.sql</c> resources they are, and the configured
/// connection string to run them with (the data source's own string no longer carries the password).
/// </summary>
public sealed record MigrationSources(string ConnectionString, IReadOnlyList<Assembly> Assemblies);
