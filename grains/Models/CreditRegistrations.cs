using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Credit.Model;
using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.Models;

/// <summary>The registry entry of a credit model: its card, cross-validated metrics and the distributions drift is measured against.</summary>
public static class CreditRegistrations
{
    public static ModelRegistration Of(
        CreditModel model, string weightsHash, string dataHash, DateTimeOffset trainedAt, string trainedBy, IReadOnlyList<CreditRecord> records, string data, double trainingSeconds)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        var m = model.Metrics;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["auc"] = m.Auc,
            ["aucPerFoldStdDev"] = m.AucPerFoldStdDev,
            ["ks"] = m.Ks,
            ["accuracy"] = m.Accuracy,
            ["cutoff"] = m.Cutoff,
            ["brier"] = m.Brier,
            ["folds"] = m.Folds,
            ["records"] = m.Records,
        };
        var scorer = new CreditScorer(model);
        var scores = records.Select(r => scorer.Score(r.Application, maxReasons: 0).ProbabilityOfDefault);
        var features = records.Select(r => (Func<string, double>)(name => CreditKeyFeature(r.Application, name)));
        return new ModelRegistration(
            model.Version, trainedAt, dataHash, weightsHash, $"ML.NET {model.Kind}", data, model.SlotNames, metrics, trainedBy, trainingSeconds,
            ScoreBands.Shares(ScoreBands.Count(scores)), FeatureBands.Shares(ModelNames.Credit, features));
    }

    /// <summary>The value of a key feature (<see cref="FeatureBands.Credit"/>) of an application; an unknown income counts as 0.</summary>
    public static double CreditKeyFeature(CreditApplication application, string name) => name switch
    {
        "Amount" => (double)application.Amount,
        "Income" => (double)(application.Income ?? 0m),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
