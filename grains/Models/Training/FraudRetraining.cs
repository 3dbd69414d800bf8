using System.Diagnostics;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Models.Training;

/// <summary>
/// Retrains the fraud model: the shipped simulator data (customers split 60/20/20 as for the shipped model) plus every
/// resolved case as training rows with the features the engine saw when it decided, each counted
/// <see cref="ModelLifecycleOptions.LabelWeight"/> times. Validation and test stay simulator customers, so the
/// metrics compare with the shipped model's. The data hash pins the simulation settings and the labels used.
/// </summary>
public static class FraudRetraining
{
    public static TrainedVersion Run(IReadOnlyList<FraudOutcome> labels, ModelLifecycleOptions settings, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        var simulation = FraudModelStore.DefaultSimulation;
        simulation.Customers = settings.FraudRetrainCustomers;
        var rows = FraudTrainingSet.Build(new TransactionSimulator(simulation).Customers());
        var labelRows = labels.OrderBy(l => l.CaseId, StringComparer.Ordinal).SelectMany(l => Enumerable.Repeat(Row(l), settings.LabelWeight)).ToList();
        var dataHash = DataHash(simulation, labels, settings.LabelWeight);
        var options = new FraudTrainingOptions { Trees = settings.FraudRetrainTrees };
        var version = $"{FraudModelTrainer.VersionOf(options)}-r{dataHash[..8]}";
        var model = FraudModelTrainer.Train(rows, options, labelRows, version);
        var info = new FraudModelInfo
        {
            Version = version,
            FeatureColumns = FraudFeatures.ColumnNames,
            SimulatedCustomers = simulation.Customers,
            SimulatedDays = simulation.Days,
            FraudCustomerShare = simulation.FraudCustomerShare,
            Command = $"POST /ops/models/fraud/retrain ({labels.Count} labels: resolved cases and unreported payments)",
            Metrics = model.Metrics,
        };
        var bytes = ModelCodec.Save(model);
        var hash = ModelCodec.Sha256(bytes);
        var profile = rows.Where(r => FraudTrainingSet.Bucket(r.CustomerId) is 2 or 3).ToList();
        var registration = FraudRegistrations.Of(model, hash, dataHash, now, by, profile,
            $"simulator seed {simulation.Seed}, {simulation.Customers} customers x {simulation.Days} days + {labels.Count} labels from resolved cases and payments unreported for the label window ({labels.Count(l => l.IsFraud)} fraud) x {settings.LabelWeight}")
            with { TrainingSeconds = clock.Elapsed.TotalSeconds };
        return new TrainedVersion(registration, new ModelWeights(ModelNames.Fraud, version, bytes, ModelCodec.FraudCard(info)), new LoadedModel(version, hash, model, null), labels.Count);
    }

    /// <summary>Pins the training data: the simulation's settings, each label's case and outcome, and the label weight.</summary>
    public static string DataHash(SimulationOptions simulation, IReadOnlyList<FraudOutcome> labels, int labelWeight) =>
        ModelCodec.Sha256(
            ShippedModels.SimulationHash(simulation) + ";labels=" + string.Join(",", labels.OrderBy(l => l.CaseId, StringComparer.Ordinal).Select(l => $"{l.CaseId}:{l.IsFraud}")) + $";weight={labelWeight}");

    private static LabelledFraudFeatures Row(FraudOutcome outcome)
    {
        var row = new LabelledFraudFeatures { Label = outcome.IsFraud, CustomerId = outcome.CustomerId, Pattern = "case" };
        foreach (var name in FraudFeatures.ColumnNames)
        {
            var property = typeof(FraudFeatures).GetProperty(name)!;
            property.SetValue(row, property.GetValue(outcome.Features));
        }

        return row;
    }
}

/// <summary>A freshly trained version: its registry entry, its bytes, the model itself and how many labels it learnt from.</summary>
public sealed record TrainedVersion(ModelRegistration Registration, ModelWeights Weights, LoadedModel Loaded, int Labels);
