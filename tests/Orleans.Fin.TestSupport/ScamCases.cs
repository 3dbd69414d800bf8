using Orleans.Fin.Models;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.TestSupport;

/// <summary>
/// Labelled scam cases the shipped fraud model misses: a simulation (another seed than the shipped model's, many
/// victims) whose scam payments from the first half of the customers become ConfirmedFraud cases, with ordinary large
/// payments to new payees from the same customers as FalsePositive cases (what an investigator would clear); the other
/// half is held out to measure on.
/// </summary>
public static class ScamCases
{
    private static readonly Lazy<(IReadOnlyList<FraudOutcome> Labels, IReadOnlyList<LabelledFraudFeatures> HeldOut)> Built = new(Build);

    public static IReadOnlyList<FraudOutcome> Labels => Built.Value.Labels;

    /// <summary>Every payment of the held-out customers (scam and ordinary).</summary>
    public static IReadOnlyList<LabelledFraudFeatures> HeldOut => Built.Value.HeldOut;

    public static double Recall(FraudModel model, IEnumerable<LabelledFraudFeatures> fraud) =>
        fraud.Average(r => model.Predict(r) >= model.Metrics.Threshold ? 1.0 : 0.0);

    private static (IReadOnlyList<FraudOutcome>, IReadOnlyList<LabelledFraudFeatures>) Build()
    {
        var simulation = new SimulationOptions { Seed = 7, Customers = 600, Days = 30, FraudCustomerShare = 0.6 };
        var customers = new TransactionSimulator(simulation).Customers().ToList();
        var scamVictims = customers.Where(c => c.Events.Any(e => e.Pattern == FraudPatterns.Scam)).Select(c => c.CustomerId).ToList();
        var labelled = scamVictims.Take(scamVictims.Count / 2).ToHashSet(StringComparer.Ordinal);
        var rows = FraudTrainingSet.Build(customers);
        List<FraudOutcome> labels = [];
        foreach (var row in rows.Where(r => labelled.Contains(r.CustomerId)))
        {
            if (row.Pattern == FraudPatterns.Scam)
            {
                labels.Add(new FraudOutcome($"case_scam_{labels.Count}", row.CustomerId, row, true));
            }
            else if (!row.Label && row.NewPayee > 0 && row.AmountLog > 7)
            {
                labels.Add(new FraudOutcome($"case_fp_{labels.Count}", row.CustomerId, row, false));
            }
        }

        var heldOut = rows.Where(r => !labelled.Contains(r.CustomerId) && (r.Pattern is FraudPatterns.Scam || !r.Label)).ToList();
        return (labels, heldOut);
    }
}
