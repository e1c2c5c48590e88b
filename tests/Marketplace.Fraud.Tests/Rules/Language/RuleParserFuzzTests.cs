using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Fraud.Tests.Rules.Language;

/// <summary>
/// Whatever text arrives, the parser answers with a rule or with an error positioned inside the text: it never
/// throws and never takes long. Parsed rules are stable: their canonical text parses back to itself.
/// </summary>
public sealed class RuleParserFuzzTests
{
    static readonly string[] Pieces =
    [
        "Block", "Allow", "Review", "Request", "3D", "Secure", "if", "IF", "and", "AND", "or", "OR", "not", "NOT", "in", "IN",
        "includes", "LIKE", "is_missing", "(", ")", "(", ")", ",", "=", "!=", "<", ">", "<=", ">=", "!", ":", "::", "@", "@eu_countries",
        ":card_country:", ":amount_in_eur:", ":amount:", ":is_new_customer:", ":risk_level:", ":email:", ":unknown_thing:",
        "::order_channel::", "::weird key::", "'FR'", "'%@example.com'", "\"US\"", "'unterminated", "'it\\'s'", "5000", "-1.5", "1E+20",
        "true", "false", "\n", "\t", "é", "#", "''", "::",
    ];

    static readonly string Alphabet = "Blockif :_card_country:=!<>()'\"@,%\\-.0123456789ANDORNTISaeuxyz\n\té中";

    [Fact]
    public void AnyTokenStream_Parsed_GivesARuleOrAPositionedError()
    {
        var streams =
            from prefix in Gen.Elements("", "Block if ", "Review if ", "Request 3D Secure if ", "allow IF ")
            from count in Gen.Choose(0, 25)
            from pieces in Gen.Elements(Pieces).ListOf(count)
            select prefix + string.Join(' ', pieces);

        Prop.ForAll(streams.ToArbitrary(), AnswersWithoutThrowing).Check(Config.QuickThrowOnFailure.WithMaxTest(5_000));
    }

    [Fact]
    public void AnyCharacterSoup_Parsed_GivesARuleOrAPositionedError()
    {
        var soups =
            from count in Gen.Choose(0, 60)
            from characters in Gen.Elements(Alphabet.ToCharArray()).ListOf(count)
            select "Block if " + new string([.. characters]);

        Prop.ForAll(soups.ToArbitrary(), AnswersWithoutThrowing).Check(Config.QuickThrowOnFailure.WithMaxTest(5_000));
    }

    [Fact]
    public void AnyString_Parsed_GivesARuleOrAPositionedError()
    {
        Prop.ForAll<string>(text => AnswersWithoutThrowing(text ?? "")).Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
    }

    [Fact]
    public void LongestAllowedInput_Parsed_AnswersWellWithinASecond()
    {
        var text = "Block if " + string.Join(" OR ", Enumerable.Repeat(":amount: IN (1, 2, 3)", 200));
        text = text[..Math.Min(text.Length, RuleParser.MaxLength)];
        var clock = Stopwatch.StartNew();

        _ = RuleParser.TryParse(text, out _, out _);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    static bool AnswersWithoutThrowing(string text)
    {
        if (RuleParser.TryParse(text, out var rule, out var error))
        {
            var canonical = rule.ToText();
            return RuleParser.TryParse(canonical, out var again, out _) && again.ToText() == canonical && again.Action == rule.Action;
        }

        var lines = text.Split('\n');
        return error.Line >= 1 && error.Line <= lines.Length
            && error.Column >= 1 && error.Column <= Math.Max(lines[error.Line - 1].Length + 1, RuleParser.MaxLength + 1)
            && error.Message.Contains($"line {error.Line}, column {error.Column}", StringComparison.Ordinal);
    }
}
