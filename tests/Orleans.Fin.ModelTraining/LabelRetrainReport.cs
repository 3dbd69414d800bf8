using System.Diagnostics;
using Orleans.Fin.Models;
using Orleans.Fin.Models.Training;
using Orleans.Fin.Risk.Model;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.ModelTraining;

/// <summary>The fraud retraining on labelled scam cases at a chosen size: held-out recall and ordinary flag rate, shipped against retrained.</summary>
internal static class LabelRetrainReport
{
    public static void Run(int customers, int trees)
    {
        var shipped = FraudModelStore.LoadEmbedded() ?? throw new InvalidOperationException("No embedded fraud model.");
        var scams = ScamCases.HeldOut.Where(r => r.Pattern == FraudPatterns.Scam).ToList();
        var ordinary = ScamCases.HeldOut.Where(r => !r.Label).ToList();
        var settings = new ModelLifecycleOptions { FraudRetrainCustomers = customers, FraudRetrainTrees = trees };
        var watch = Stopwatch.StartNew();
        var trained = FraudRetraining.Run(ScamCases.Labels, settings, DateTimeOffset.UnixEpoch, "report");
        var retrained = trained.Loaded.Fraud!;
        Console.WriteLine($"retrained {trained.Registration.Version} on {customers} customers, {trees} trees, {trained.Labels} labels in {watch.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"held out: {scams.Count} scam payments, {ordinary.Count} ordinary payments");
        Console.WriteLine("| model | held-out scam recall | ordinary payments flagged |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| {shipped.Version} (shipped) | {ScamCases.Recall(shipped, scams):P1} | {ScamCases.Recall(shipped, ordinary):P2} |");
        Console.WriteLine($"| retrained on the labels | {ScamCases.Recall(retrained, scams):P1} | {ScamCases.Recall(retrained, ordinary):P2} |");
    }
}
