using System.Globalization;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.ModelTraining;

/// <summary>Command-line flags of the trainer: --customers, --days, --seed, --algorithm, --trees, --leaves, --min-leaf, --lr, --fraud-share, --predictions, --explain, --out, --engine (baseline|new|both), --retrain-labels true.</summary>
internal sealed record TrainingArguments(
    int Customers, int Days, int Seed, string Algorithm, int Trees, int Leaves, int MinLeaf, double LearningRate, double FraudShare, int Predictions, int Explain, string? Output, string? Engine = null, bool RetrainOnLabels = false)
{
    public static TrainingArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected a --flag, got {args[i]}.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double Double(string name, double fallback) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new FraudTrainingOptions();
        return new TrainingArguments(
            Int("customers", 2_000), Int("days", 30), Int("seed", 42), values.GetValueOrDefault("algorithm", defaults.Algorithm),
            Int("trees", defaults.Trees), Int("leaves", defaults.Leaves), Int("min-leaf", defaults.MinExamplesPerLeaf), Double("lr", defaults.LearningRate),
            Double("fraud-share", new SimulationOptions().FraudCustomerShare), Int("predictions", 100_000), Int("explain", 0), values.GetValueOrDefault("out"),
            values.GetValueOrDefault("engine"), values.GetValueOrDefault("retrain-labels") == "true");
    }
}
