using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit.Model;

/// <summary>
/// Saves trained models (one ML.NET zip per version plus <see cref="RegistryFileName"/>) and loads them back, from
/// a folder or from the copies embedded in this assembly (grains/Credit/Data, produced by
/// tests/Orleans.Fin.CreditTraining --write-models grains/Credit/Data).
/// </summary>
public static class CreditModelStore
{
    public const string RegistryFileName = "credit-models.json";
    public const string ResourcePrefix = "Orleans.Fin.Credit.Data.";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ModelFileName(string version) => $"{version}.zip";

    /// <summary>Writes the models of a training run and their registry into <paramref name="directory"/>.</summary>
    public static CreditModelRegistry Save(CreditTrainingResult result, CreditTrainingOptions options, string dataSha256, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        foreach (var model in result.Models)
        {
            using var file = File.Create(Path.Combine(directory, ModelFileName(model.Version)));
            model.Context.Model.Save(model.Scoring, InputSchema(model.Context), file);
        }

        var registry = new CreditModelRegistry(
            dataSha256,
            options.Seed,
            options.Folds,
            typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown",
            result.Report,
            result.Models.Select(m => m.Card).ToArray());
        File.WriteAllText(Path.Combine(directory, RegistryFileName), JsonSerializer.Serialize(registry, Json) + "\n");
        return registry;
    }

    /// <summary>Loads a registry and its models through <paramref name="open"/> (file name → stream, null when absent).</summary>
    public static CreditModelSet Load(Func<string, Stream?> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        CreditModelRegistry registry;
        using (var stream = open(RegistryFileName) ?? throw new InvalidOperationException($"{RegistryFileName} is missing."))
        {
            registry = JsonSerializer.Deserialize<CreditModelRegistry>(stream, Json)
                ?? throw new InvalidOperationException($"{RegistryFileName} is empty.");
        }

        var models = registry.Models.Select(card =>
        {
            var ml = new MLContext(registry.Seed);
            using var stream = open(ModelFileName(card.Version))
                ?? throw new InvalidOperationException($"{ModelFileName(card.Version)} is missing.");
            return new CreditModel(card, ml, ml.Model.Load(stream, out _));
        }).ToList();
        var champion = models.SingleOrDefault(m => m.Role == CreditModelRole.Champion)
            ?? throw new InvalidOperationException($"{RegistryFileName} names no single champion.");
        return new CreditModelSet(registry, champion, models.FirstOrDefault(m => m.Role == CreditModelRole.Challenger));
    }

    public static CreditModelSet Load(string directory) =>
        Load(name => File.Exists(Path.Combine(directory, name)) ? File.OpenRead(Path.Combine(directory, name)) : null);

    /// <summary>Loads the models embedded in this assembly.</summary>
    public static CreditModelSet LoadEmbedded() =>
        Load(name => typeof(CreditModelStore).Assembly.GetManifestResourceStream(ResourcePrefix + name));

    /// <summary>Writes one model's ML.NET zip (what the model registry keeps in grain storage).</summary>
    public static void SaveModel(CreditModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Context.Model.Save(model.Scoring, InputSchema(model.Context), stream);
    }

    /// <summary>Reads one model written by <see cref="SaveModel"/> with its card.</summary>
    public static CreditModel LoadModel(CreditModelCard card, int seed, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(card);
        var ml = new MLContext(seed);
        return new CreditModel(card, ml, ml.Model.Load(stream, out _));
    }

    public static string CardJson(CreditModelCard card) => JsonSerializer.Serialize(card, Json);

    public static CreditModelCard ParseCard(string json) =>
        JsonSerializer.Deserialize<CreditModelCard>(json, Json) ?? throw new InvalidDataException("The credit model card is empty.");

    private static DataViewSchema InputSchema(MLContext ml) =>
        ml.Data.LoadFromEnumerable(Array.Empty<CreditApplicationFeatures>()).Schema;
}
