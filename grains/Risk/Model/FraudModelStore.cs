using System.Text.Json;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// Where the silo gets its fraud model: the one trained by tests/Orleans.Fin.ModelTraining and embedded in this
/// assembly (Risk/Model/Trained), or, when none is embedded, one trained on the spot from the simulator.
/// </summary>
public static class FraudModelStore
{
    public const string ModelFile = "fraud-model.zip";
    public const string InfoFile = "fraud-model.json";

    /// <summary>The simulation the shipped model is trained on (and the fallback trains on).</summary>
    public static SimulationOptions DefaultSimulation => new() { Seed = 42, Customers = 2_000, Days = 30 };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The embedded model, or null when the assembly carries none.</summary>
    public static FraudModel? LoadEmbedded()
    {
        var assembly = typeof(FraudModelStore).Assembly;
        using var model = assembly.GetManifestResourceStream(ResourceName(ModelFile));
        using var info = assembly.GetManifestResourceStream(ResourceName(InfoFile));
        return model is null || info is null ? null : Load(model, info);
    }

    /// <summary>The embedded model; without one, a model trained now on <see cref="DefaultSimulation"/> (some seconds).</summary>
    public static FraudModel LoadOrTrain() => LoadEmbedded() ?? Train(DefaultSimulation, new FraudTrainingOptions()).Model;

    /// <summary>
    /// Reads a model and its info. Refuses a model whose feature columns differ from today's <see cref="FraudFeatures"/>:
    /// it was trained on other features and must be retrained.
    /// </summary>
    public static FraudModel Load(Stream model, Stream info)
    {
        var meta = JsonSerializer.Deserialize<FraudModelInfo>(info, Json) ?? throw new InvalidDataException("The fraud model info is empty.");
        if (!meta.FeatureColumns.SequenceEqual(FraudFeatures.ColumnNames, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                $"Fraud model {meta.Version} was trained on other features ({string.Join(", ", meta.FeatureColumns)}); retrain it with tests/Orleans.Fin.ModelTraining.");
        }

        return FraudModel.Load(model, meta.Version, meta.Metrics);
    }

    /// <summary>Simulates, builds the training set and trains.</summary>
    public static (FraudModel Model, FraudModelInfo Info) Train(SimulationOptions simulation, FraudTrainingOptions training, string command = "")
    {
        var customers = new TransactionSimulator(simulation).Customers();
        var model = FraudModelTrainer.Train(FraudTrainingSet.Build(customers), training);
        var info = new FraudModelInfo
        {
            Version = model.Version,
            FeatureColumns = FraudFeatures.ColumnNames,
            SimulatedCustomers = simulation.Customers,
            SimulatedDays = simulation.Days,
            FraudCustomerShare = simulation.FraudCustomerShare,
            Command = command,
            Metrics = model.Metrics,
        };
        return (model, info);
    }

    /// <summary>Writes fraud-model.zip and fraud-model.json into the directory.</summary>
    public static void Save(FraudModel model, FraudModelInfo info, string directory)
    {
        Directory.CreateDirectory(directory);
        using (var file = File.Create(Path.Combine(directory, ModelFile)))
        {
            model.Save(file);
        }

        File.WriteAllText(Path.Combine(directory, InfoFile), JsonSerializer.Serialize(info, Json) + "\n");
    }

    private static string ResourceName(string file) => $"Orleans.Fin.Risk.Model.{file}";
}
