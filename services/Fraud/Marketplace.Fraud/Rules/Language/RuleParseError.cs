namespace Marketplace.Fraud.Rules.Language;

/// <summary>
/// Why a rule does not parse, as a value: where (1-based line and column of the rule text) and what was expected
/// there. The API answers it as a 400 <c>invalid_request_error</c> with <c>param: rule</c>.
/// </summary>
public sealed record RuleParseError(int Line, int Column, string Expected, string? Found = null)
{
    public string Message => Found is null
        ? $"Invalid rule at line {Line}, column {Column}: expected {Expected}."
        : $"Invalid rule at line {Line}, column {Column}: expected {Expected}, but found {Found}.";

    public override string ToString() => Message;
}
