using System.Diagnostics;
using Orleans.Fin.Credit;
using Orleans.Fin.Credit.Model;
using Orleans.Fin.CreditTraining;

// Trains the credit models from the embedded data and prints what docs/MODELS.md reports; with --write-models DIR
// also writes the models and their registry (DIR = grains/Credit/Data refreshes the shipped ones):
//   dotnet run -c Release --project tests/Orleans.Fin.CreditTraining -- [--folds 5] [--seed 20240] [--decisions 20000] [--write-models grains/Credit/Data]
var settings = TrainingSettings.Parse(args);
var training = new CreditTrainingOptions { Folds = settings.Folds, Seed = settings.Seed };
var policy = new CreditOptions();

var data = EmbeddedCreditData.LoadClean();
Reports.Quality(data.Report);

var cold = Stopwatch.StartNew();
var result = CreditModelTrainer.Train(data, training);
cold.Stop();
var warm = Stopwatch.StartNew();
CreditModelTrainer.Train(data, training);
warm.Stop();

Reports.Models(result, cold.Elapsed, warm.Elapsed);
foreach (var model in result.Models)
{
    Reports.Calibration(model);
}

Reports.Coefficients(result.Models.First(m => m.Kind == CreditModelKind.LogisticRegression));
Reports.ScoreScale(policy);

var applications = data.Records.Select(r => r.Application).ToArray();
var scorer = CreditScorer.FromTraining(result);
foreach (var model in result.Models)
{
    Reports.Latency(new CreditScorer(model), applications, settings.Decisions);
}

Reports.Examples(scorer, data.Records, policy);
Reports.Fairness(scorer, applications, policy);

try
{
    var load = Stopwatch.StartNew();
    var shipped = CreditScorer.FromEmbeddedModels();
    shipped.Score(applications[0]);
    load.Stop();
    Reports.Shipped(shipped, scorer, applications, load.Elapsed, EmbeddedCreditData.Sha256(), "embedded in the assembly");
}
catch (InvalidOperationException e)
{
    Console.WriteLine($"No models embedded in the assembly yet: {e.Message}");
    Console.WriteLine();
}

if (settings.WriteModels is { } directory)
{
    CreditModelStore.Save(result, training, EmbeddedCreditData.Sha256(), directory);
    var written = CreditModelStore.Load(directory);
    Reports.Shipped(new CreditScorer(written.Champion, written.Challenger), scorer, applications, TimeSpan.Zero, EmbeddedCreditData.Sha256(), $"written to {directory}");
}
