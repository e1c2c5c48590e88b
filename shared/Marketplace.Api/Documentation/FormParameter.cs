namespace Marketplace.Api.Documentation;

/// <summary>
/// One parameter of an endpoint, for its OpenAPI description: endpoints read their parameters with
/// <c>ParameterReader</c>, so the generator cannot see them and the endpoint names them with
/// <see cref="StripeApiDocumentExtensions.WithParameters"/>.
/// </summary>
public sealed record FormParameter(string Name, string Description, bool Required = false);
