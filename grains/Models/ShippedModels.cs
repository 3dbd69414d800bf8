using Orleans.Fin.Credit.Model;
using Orleans.Fin.Models.Domain;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Models;

/// <summary>
/// The models shipped in the grains assembly, as registry entries: the exact embedded bytes (so every silo and every
/// restart has the same weights hash), the hash of the data they were trained on, and the distribution of their scores
/// and key features on that data. Built once per process; nothing is trained here.
/// </summary>
public static class ShippedModels
{
    /// <summary>The shipped fraud model's score distribution is measured on this many of its training customers.</summary>
    public const int FraudProfileCustomers = 300;

    private static readonly Lazy<IReadOnlyList<ShippedModel>> FraudModels = new(BuildFraud);
    private static readonly Lazy<IReadOnlyList<ShippedModel>> CreditModels = new(BuildCredit);

    public static IReadOnlyList<ShippedModel> Of(string name) => name == ModelNames.Fraud ? FraudModels.Value : CreditModels.Value;

    /// <summary>What the simulator-generated training data is pinned by: the simulation's settings (it is deterministic).</summary>
    public static string SimulationHash(SimulationOptions simulation) =>
        ModelCodec.Sha256($"simulator;gen={FraudModelTrainer.FeatureGeneration};seed={simulation.Seed};customers={simulation.Customers};days={simulation.Days};fraud={simulation.FraudCustomerShare}");

    private static IReadOnlyList<ShippedModel> BuildFraud()
    {
        var assembly = typeof(FraudModelStore).Assembly;
        var bytes = Read(assembly, $"Orleans.Fin.Risk.Model.{FraudModelStore.ModelFile}");
        var card = System.Text.Encoding.UTF8.GetString(Read(assembly, $"Orleans.Fin.Risk.Model.{FraudModelStore.InfoFile}"));
        var model = FraudModelStore.LoadEmbedded() ?? throw new InvalidOperationException("No fraud model is embedded; train one with tests/Orleans.Fin.ModelTraining.");
        var hash = ModelCodec.Sha256(bytes);
        var profile = FraudModelStore.DefaultSimulation;
        profile.Customers = FraudProfileCustomers;
        var rows = FraudTrainingSet.Build(new TransactionSimulator(profile).Customers());
        var registration = FraudRegistrations.Of(model, hash, SimulationHash(FraudModelStore.DefaultSimulation), ShippedAt, "shipped", rows,
            $"simulator seed {FraudModelStore.DefaultSimulation.Seed}, {FraudModelStore.DefaultSimulation.Customers} customers x {FraudModelStore.DefaultSimulation.Days} days");
        return [new ShippedModel(registration, new ModelWeights(ModelNames.Fraud, model.Version, bytes, card), new LoadedModel(model.Version, hash, model, null))];
    }

    private static IReadOnlyList<ShippedModel> BuildCredit()
    {
        var set = CreditModelStore.LoadEmbedded();
        var assembly = typeof(CreditModelStore).Assembly;
        var applications = EmbeddedCreditData.LoadClean().Records;
        return [.. set.Models.OrderBy(m => m.Role).Select(model =>
        {
            var bytes = Read(assembly, CreditModelStore.ResourcePrefix + CreditModelStore.ModelFileName(model.Version));
            var hash = ModelCodec.Sha256(bytes);
            var registration = CreditRegistrations.Of(model, hash, set.Registry.DataSha256, ShippedAt, "shipped", applications,
                $"credit_applications.csv ({applications.Count} applications)", 0);
            return new ShippedModel(registration, new ModelWeights(ModelNames.Credit, model.Version, bytes, ModelCodec.CreditCard(model.Card, set.Registry.Seed)),
                new LoadedModel(model.Version, hash, null, model));
        })];
    }

    /// <summary>Shipped models carry no training timestamp; the registry records them as trained at the epoch of the project.</summary>
    public static DateTimeOffset ShippedAt { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static byte[] Read(System.Reflection.Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>A shipped version: its registry entry, its stored bytes and the model loaded from them.</summary>
public sealed record ShippedModel(ModelRegistration Registration, ModelWeights Weights, LoadedModel Loaded);
