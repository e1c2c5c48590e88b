using Marketplace.Benchmarks.Backbone;
using Marketplace.Benchmarks.Fraud;
using Marketplace.Benchmarks.Gateway;
using Marketplace.Benchmarks.Ledger;
using Marketplace.Benchmarks.Onboarding;
using Marketplace.Benchmarks.Payments;

// Each benchmark prints its findings, and last a line `RESULT <name> <metric>=<value> … ratio=<ours/baseline>`.
return args switch
{
    ["backbone", ..] => await BackboneBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000),
    ["gateway"] => await GatewayBenchmark.RunAsync(),
    ["ledger"] => await LedgerBenchmark.RunAsync(),
    ["onboarding", ..] => await OnboardingBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000),
    ["payments", ..] => await PaymentsBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20),
    ["fraud", ..] => await FraudBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Marketplace.Benchmarks backbone [messages] | gateway | ledger | onboarding [accounts] | fraud [seconds] | payments [seconds] (on the running local stack)");
    return 2;
}
