namespace Marketplace.Api.Documentation;

/// <summary>Endpoint metadata carrying the <see cref="FormParameter"/>s an endpoint documents.</summary>
public sealed record FormParametersMetadata(IReadOnlyList<FormParameter> Parameters);
