using Orleans.Fin.Models.Domain;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Models;

/// <summary>The registry entry of a fraud model: its card, metrics and the distributions drift is measured against.</summary>
public static class FraudRegistrations
{
    public static ModelRegistration Of(
        FraudModel model, string weightsHash, string dataHash, DateTimeOffset trainedAt, string trainedBy, IReadOnlyList<LabelledFraudFeatures> profileRows, string data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(profileRows);
        var m = model.Metrics;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["auc"] = m.Auc,
            ["aucPr"] = m.AucPr,
            ["precision"] = m.Precision,
            ["recall"] = m.Recall,
            ["falsePositiveRate"] = m.FalsePositiveRate,
            ["f1"] = m.F1,
            ["threshold"] = m.Threshold,
            ["trainRows"] = m.TrainRows,
            ["trainPositives"] = m.TrainPositives,
            ["testRows"] = m.TestRows,
            ["testPositives"] = m.TestPositives,
        };
        var scores = profileRows.Select(r => (double)model.Predict(r));
        var features = profileRows.Select(r => (Func<string, double>)(name => KeyFeature(r, name)));
        return new ModelRegistration(
            model.Version, trainedAt, dataHash, weightsHash, $"ML.NET {m.Trainer}", data, FraudFeatures.ColumnNames, metrics, trainedBy, m.TrainingSeconds,
            ScoreBands.Shares(ScoreBands.Count(scores)), FeatureBands.Shares(ModelNames.Fraud, features));
    }

    /// <summary>The value of a key feature (<see cref="FeatureBands.Fraud"/>) of a payment.</summary>
    public static double KeyFeature(FraudFeatures features, string name) => name switch
    {
        "AmountLog" => features.AmountLog,
        "NewPayee" => features.NewPayee,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
