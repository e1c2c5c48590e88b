using Marketplace.Api.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Marketplace.Api.Documentation;

/// <summary>
/// Each service describes its own <c>/v1</c> surface at <c>/openapi/v1.json</c>; the gateway merges them into one
/// document and reference page. Parameters come from <see cref="WithParameters"/>: as query parameters on GET and
/// DELETE, as a form body on POST.
/// </summary>
public static class StripeApiDocumentExtensions
{
    public static IServiceCollection AddStripeApiDocument(this IServiceCollection services, string serviceName)
    {
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = serviceName, Version = StripeApiVersion.Current };
                foreach (var path in document.Paths.Keys.Where(p => !p.StartsWith(StripeApiPaths.Root + "/", StringComparison.Ordinal)).ToList())
                {
                    document.Paths.Remove(path);
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<FormParametersMetadata>().FirstOrDefault() is { } documented)
                {
                    Describe(operation, context.Description.HttpMethod ?? "GET", documented.Parameters);
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapStripeApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return endpoints;
    }

    public static TBuilder WithParameters<TBuilder>(this TBuilder builder, params FormParameter[] parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FormParametersMetadata(parameters));

    static void Describe(OpenApiOperation operation, string method, IReadOnlyList<FormParameter> parameters)
    {
        if (HttpMethods.IsPost(method))
        {
            var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>() };
            foreach (var parameter in parameters)
            {
                schema.Properties[parameter.Name] = new OpenApiSchema { Description = parameter.Description };
                if (parameter.Required)
                {
                    (schema.Required ??= new HashSet<string>()).Add(parameter.Name);
                }
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Content = new Dictionary<string, OpenApiMediaType> { ["application/x-www-form-urlencoded"] = new() { Schema = schema } },
            };
            return;
        }

        operation.Parameters ??= [];
        foreach (var parameter in parameters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = parameter.Description,
                Required = parameter.Required,
            });
        }
    }
}
