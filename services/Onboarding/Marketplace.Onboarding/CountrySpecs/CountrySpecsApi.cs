using System.Collections.Frozen;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.CountrySpecs;

/// <summary><c>/v1/country_specs</c>: the countries accounts can be created in, what they support and what they must provide.</summary>
public static class CountrySpecsApi
{
    const string ListUrl = "/v1/country_specs";

    public static IEndpointRouteBuilder MapCountrySpecsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ListUrl).WithTags("country_specs");
        group.MapGet("", ListAsync).WithSummary("List country specs, by country code");
        group.MapGet("/{country}", RetrieveAsync).WithSummary("Retrieve a country spec");
        return endpoints;
    }

    static async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var limit = parameters.GetLong("limit", 1, 100) ?? 10;
        var startingAfter = parameters.GetString("starting_after", 2);
        var endingBefore = parameters.GetString("ending_before", 2);
        ExpansionTree.Read(parameters, FrozenSet<string>.Empty, isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var countries = CountrySpec.Countries.Order(StringComparer.Ordinal).ToList();
        var page = endingBefore is not null
            ? countries.Where(c => string.CompareOrdinal(c, endingBefore) < 0).TakeLast((int)limit + 1).ToList()
            : countries.Where(c => startingAfter is null || string.CompareOrdinal(c, startingAfter) > 0).Take((int)limit + 1).ToList();
        var hasMore = page.Count > limit;
        var shown = endingBefore is not null ? page.TakeLast((int)limit) : page.Take((int)limit);
        return StripeJson.Result(new StripeList<CountrySpecObject>(
            [.. shown.Select(c => CountrySpecObject.Of(CountrySpec.Find(c)!))], hasMore, ListUrl));
    }

    static async Task<IResult> RetrieveAsync(string country, HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        ExpansionTree.Read(parameters, FrozenSet<string>.Empty);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return CountrySpec.Find(country) is { } spec
            ? StripeJson.Result(CountrySpecObject.Of(spec))
            : StripeError.ResourceMissing("country_spec", country).ToResult();
    }
}
