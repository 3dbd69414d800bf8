using System.Diagnostics;
using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Credit.Model;

namespace Orleans.Fin.Models.Training;

/// <summary>
/// Retrains the credit model: the shipped applications plus the realised outcomes of disbursed loans (NonPerforming
/// on the business clock = default), both learners cross-validated as for the shipped models; the better one becomes
/// the challenger under a new version. The data hash pins the shipped file's hash and the outcomes used.
/// </summary>
public static class CreditRetraining
{
    public static TrainedVersion Run(IReadOnlyList<CreditRecord> outcomes, ModelLifecycleOptions settings, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        var shipped = EmbeddedCreditData.LoadClean();
        List<CreditRecord> records = [.. shipped.Records, .. outcomes];
        var options = new CreditTrainingOptions { Folds = settings.CreditRetrainFolds };
        var result = CreditModelTrainer.Train(new CreditCleaningResult(records, shipped.Report), options);
        var dataHash = ModelCodec.Sha256(
            $"{EmbeddedCreditData.Sha256()};outcomes={string.Join(",", outcomes.Select(o => $"{o.Application}:{o.Defaulted}"))};folds={options.Folds}");
        var version = $"{result.Champion.Version}-r{dataHash[..8]}";
        var model = CreditModelStore.LoadModel(result.Champion.Card with { Version = version, Role = CreditModelRole.Challenger }, options.Seed, Saved(result.Champion, out var bytes));
        var hash = ModelCodec.Sha256(bytes);
        var registration = CreditRegistrations.Of(model, hash, dataHash, now, by, records,
            $"credit_applications.csv ({shipped.Records.Count}) + {outcomes.Count} realised loan outcomes ({outcomes.Count(o => o.Defaulted)} defaults)", clock.Elapsed.TotalSeconds);
        return new TrainedVersion(registration, new ModelWeights(ModelNames.Credit, version, bytes, ModelCodec.CreditCard(model.Card, options.Seed)), new LoadedModel(version, hash, null, model), outcomes.Count);
    }

    private static MemoryStream Saved(CreditModel model, out byte[] bytes)
    {
        bytes = ModelCodec.Save(model);
        return new MemoryStream(bytes, writable: false);
    }
}
