using System.Diagnostics;
using System.Globalization;
using Orleans.Fin.ModelTraining;
using Orleans.Fin.Risk.Model;

// Retrains the fraud model on the transaction simulator and prints its held-out metrics, how the full scorer (rules +
// model) treats held-out customers, and the cost of one prediction. Usage:
//   dotnet run -c Release --project tests/Orleans.Fin.ModelTraining -- [--customers 2000] [--days 30] [--seed 42]
//     [--algorithm FastTree|FastForest|both] [--trees 100] [--leaves 16] [--min-leaf 40] [--lr 0.1] [--fraud-share 0.12]
//     [--predictions 100000] [--explain 0] [--out grains/Risk/Model/Trained]
// --out writes the model the silo embeds; --explain N prints up to N ordinary payments that scored High.
// With --engine, it trains nothing: it replays an extended population (every pattern, ordinary customers with life
// events) through the engine's decisions with the shipped model, before (baseline) and after the newer defences:
//   dotnet run -c Release --project tests/Orleans.Fin.ModelTraining -- --engine both [--customers 4000] [--days 30] [--seed 7]
// With --retrain-labels true, it runs the registry's fraud retraining (FraudRetraining) at --customers/--trees on the
// labelled scam cases of the tests and prints held-out scam recall and ordinary flag rate before and after:
//   dotnet run -c Release --project tests/Orleans.Fin.ModelTraining -- --retrain-labels true --customers 2000 --trees 100
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = TrainingArguments.Parse(args);
if (options.RetrainOnLabels)
{
    LabelRetrainReport.Run(options.Customers, options.Trees);
    return;
}
if (options.Engine is { } engine)
{
    var population = new SimulationOptions
    {
        Seed = options.Seed, Customers = options.Customers, Days = options.Days, FraudCustomerShare = options.FraudShare,
        Patterns = FraudPatterns.Extended, LifeEvents = true,
    };
    var watch = Stopwatch.StartNew();
    var simulated = new TransactionSimulator(population).Customers().ToList();
    var shipped = FraudModelStore.LoadEmbedded() ?? throw new InvalidOperationException("No embedded fraud model.");
    Console.WriteLine($"simulated {simulated.Count} customers x {options.Days} days (seed {options.Seed}, {shipped.Version}) in {watch.Elapsed.TotalSeconds:F1} s");
    if (engine is "baseline" or "both")
    {
        EngineReport.Print("before (baseline: no binding times, no pass-through rule, no beneficiary watch, no merchant or first-transfer rule):", new EngineReplay(shipped, baseline: true).Run(simulated), options.Explain);
    }

    if (engine is "new" or "both")
    {
        EngineReport.Print("after (the engine as built):", new EngineReplay(shipped, baseline: false).Run(simulated), options.Explain);
    }

    return;
}

var simulation = new SimulationOptions { Seed = options.Seed, Customers = options.Customers, Days = options.Days, FraudCustomerShare = options.FraudShare };

var clock = Stopwatch.StartNew();
var customers = new TransactionSimulator(simulation).Customers().ToList();
var rows = FraudTrainingSet.Build(customers);
Console.WriteLine($"simulated {customers.Count} customers x {options.Days} days: {customers.Sum(c => c.Events.Count)} events, " +
    $"{rows.Count} payments ({rows.Count(r => r.Label)} fraud) in {clock.Elapsed.TotalSeconds:F1} s");
foreach (var pattern in FraudPatterns.All)
{
    Console.WriteLine($"  {pattern,-17} customers {customers.Count(c => c.FraudPattern == pattern),4}  payments {rows.Count(r => r.Pattern == pattern),5}");
}

string[] algorithms = options.Algorithm == "both" ? [FraudTrainingOptions.FastTree, FraudTrainingOptions.FastForest] : [options.Algorithm];
FraudModel? model = null;
foreach (var algorithm in algorithms)
{
    model = FraudModelTrainer.Train(rows, new FraudTrainingOptions
    {
        Seed = options.Seed, Algorithm = algorithm, Trees = options.Trees, Leaves = options.Leaves, MinExamplesPerLeaf = options.MinLeaf, LearningRate = options.LearningRate,
    });
    Reports.Metrics(model);
    Reports.PerPattern(model, rows);
}

Reports.Scorer(model!, customers, options.Explain);
Reports.Latency(model!, customers, options.Predictions);

if (options.Output is { } output)
{
    var info = new FraudModelInfo
    {
        Version = model!.Version,
        FeatureColumns = FraudFeatures.ColumnNames,
        SimulatedCustomers = simulation.Customers,
        SimulatedDays = simulation.Days,
        FraudCustomerShare = simulation.FraudCustomerShare,
        Command = "dotnet run -c Release --project tests/Orleans.Fin.ModelTraining -- " + string.Join(' ', args),
        Metrics = model.Metrics,
    };
    FraudModelStore.Save(model, info, output);
    Console.WriteLine($"saved {model.Version} to {Path.GetFullPath(output)}");
}
