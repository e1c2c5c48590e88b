using Marketplace.Benchmarks.Backbone;

// Each benchmark prints its findings, and last a line `RESULT <name> <metric>=<value> … ratio=<ours/baseline>`.
return args switch
{
    ["backbone", ..] => await BackboneBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Marketplace.Benchmarks backbone [messages]");
    return 2;
}
