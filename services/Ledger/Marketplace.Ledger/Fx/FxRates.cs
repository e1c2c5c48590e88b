using System.Text.Json;
using Dapper;
using Marketplace.Ledger.Journal;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Ledger.Fx;

/// <summary>The exchange rates in force, read fresh for each conversion so that an operator's update applies at once.</summary>
public sealed class FxRates(NpgsqlDataSource dataSource, IOptions<FxOptions> options)
{
    public async Task<FxConverter> ConverterAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rates = await connection.QueryAsync<(string Currency, decimal UnitsPerUsd)>(new CommandDefinition(
            "SELECT currency, units_per_usd FROM fx_rates", cancellationToken: cancellationToken));
        return new FxConverter(rates.ToDictionary(r => r.Currency, r => r.UnitsPerUsd, StringComparer.Ordinal), options.Value.MarkupBasisPoints);
    }

    /// <summary>
    /// <paramref name="posting"/> settled in its owners' currencies at the rates in force (<see cref="FxSettlement"/>);
    /// the rates are read only when something converts, so a posting in its owners' own currencies costs no query.
    /// </summary>
    public async Task<Posting> SettleAsync(Posting posting, IReadOnlyDictionary<string, string> settlementCurrencies, CancellationToken cancellationToken) =>
        FxSettlement.Converts(posting, settlementCurrencies)
            ? FxSettlement.Apply(posting, settlementCurrencies, await ConverterAsync(cancellationToken))
            : posting;

    /// <summary>Sets the given rates (others stay as they are).</summary>
    public async Task SetAsync(IReadOnlyDictionary<string, decimal> unitsPerUsd, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO fx_rates (currency, units_per_usd)
            SELECT * FROM unnest(@currencies, @rates)
            ON CONFLICT (currency) DO UPDATE SET units_per_usd = excluded.units_per_usd, updated = now()
            """,
            new { currencies = unitsPerUsd.Keys.ToArray(), rates = unitsPerUsd.Values.ToArray() }, cancellationToken: cancellationToken));
    }

    /// <summary>On a ledger without rates, the shipped reference rates; a ledger that has rates keeps its own.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM fx_rates)", cancellationToken: cancellationToken)))
        {
            return;
        }

        await using var file = typeof(FxRates).Assembly.GetManifestResourceStream("fx_reference_rates.json")
            ?? throw new InvalidOperationException("The reference rates are not embedded in the Ledger.");
        using var json = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
        var rates = json.RootElement.GetProperty("rates").EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetDecimal(), StringComparer.Ordinal);
        await SetAsync(rates, cancellationToken);
    }
}
