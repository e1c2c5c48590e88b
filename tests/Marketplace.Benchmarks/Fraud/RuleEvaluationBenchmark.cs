using BenchmarkDotNet.Attributes;
using Marketplace.Fraud.Rules;
using Marketplace.Fraud.Rules.Language;

namespace Marketplace.Benchmarks.Fraud;

/// <summary>One payment through the fifty compiled rules on one thread; none matches, so each call is fifty evaluations.</summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmark
{
    RuleSet _rules = null!;
    ValueListSet _lists = null!;
    PaymentAttributes _payment = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = new RuleSet(BenchmarkRules.Texts.Select((text, i) =>
            CompiledRule.Compile($"rule_{i}", RuleParser.TryParse(text, out var rule, out var error) ? rule : throw new InvalidOperationException(error.Message))));
        _lists = BenchmarkRules.Lists();
        _payment = BenchmarkRules.Payment();
        if (_rules.Decide(_payment, _lists) is { } matched)
        {
            throw new InvalidOperationException($"The benchmark payment matches {matched.Predicate}; every rule must run.");
        }
    }

    [Benchmark(OperationsPerInvoke = 1)]
    public CompiledRule? FiftyRules() => _rules.Decide(_payment, _lists);
}
