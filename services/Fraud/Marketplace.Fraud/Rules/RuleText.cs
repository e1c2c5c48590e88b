using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Fraud.Rules.Language;
using Marketplace.Fraud.ValueLists;
using Npgsql;

namespace Marketplace.Fraud.Rules;

/// <summary>
/// Reads the <c>rule</c> parameter: a rule that does not parse, or names a value list the platform does not have,
/// is a 400 <c>invalid_request_error</c> with <c>param: rule</c> and the parser's positioned message.
/// </summary>
internal static class RuleText
{
    public const string Param = "rule";

    public static ParsedRule? Read(ParameterReader parameters, bool required)
    {
        var text = required ? parameters.GetRequiredString(Param, RuleParser.MaxLength) : parameters.GetString(Param, RuleParser.MaxLength);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!RuleParser.TryParse(text, out var rule, out var error))
        {
            parameters.Fail(StripeError.InvalidRequest(error.Message, Param));
            return null;
        }

        return rule;
    }

    /// <summary>The error for a rule naming lists the platform does not have, or null when it has them all.</summary>
    public static async Task<StripeError?> CheckValueListsAsync(
        NpgsqlConnection connection, string platformId, ParsedRule rule, CancellationToken cancellationToken)
    {
        if (rule.ValueListAliases.Count == 0)
        {
            return null;
        }

        var missing = await ValueListStore.MissingAliasesAsync(connection, platformId, rule.ValueListAliases, cancellationToken);
        return missing.Count == 0
            ? null
            : StripeError.InvalidRequest(
                $"Invalid rule: no value list with alias {string.Join(", ", missing.Select(alias => "@" + alias))}. Create it first with POST /v1/radar/value_lists.",
                Param);
    }
}
