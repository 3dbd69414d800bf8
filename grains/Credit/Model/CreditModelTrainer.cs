using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit.Model;

/// <summary>
/// Trains the credit models on cleaned records. For each learner: stratified k-fold cross-validation (imputation
/// medians fitted on the training folds only; metrics on the pooled out-of-fold PDs), then a final fit on all
/// records. Logistic regression and the FastTree challenger are trained the same way; the higher validation AUC
/// becomes the champion. Refuses data with too few valid records (<see cref="CreditDataQualityException"/>).
/// </summary>
public static class CreditModelTrainer
{
    public const string LogisticRegressionVersion = "credit-lr-1";
    public const string FastTreeVersion = "credit-ft-1";

    public static CreditTrainingResult Train(CreditCleaningResult data, CreditTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new CreditTrainingOptions();
        if (data.Report.ValidShare < options.MinimumValidShare)
        {
            throw new CreditDataQualityException(data.Report, options.MinimumValidShare);
        }

        var stopwatch = Stopwatch.StartNew();
        var logistic = TrainOne(CreditModelKind.LogisticRegression, data.Records, options);
        var tree = options.TrainChallenger ? TrainOne(CreditModelKind.FastTree, data.Records, options) : null;
        var treeWins = tree is not null && tree.Metrics.Auc > logistic.Metrics.Auc;
        var champion = (treeWins ? tree! : logistic).WithRole(CreditModelRole.Champion);
        var challenger = (treeWins ? logistic : tree)?.WithRole(CreditModelRole.Challenger);
        return new CreditTrainingResult(data.Report, champion, challenger, stopwatch.Elapsed);
    }

    /// <summary>Cross-validates and fits one learner.</summary>
    public static CreditModel TrainOne(CreditModelKind kind, IReadOnlyList<CreditRecord> records, CreditTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        return Fit(kind, records, options.Seed, CrossValidate(kind, records, options));
    }

    /// <summary>The final fit on all records (imputation medians of all records), carrying the given metrics.</summary>
    internal static CreditModel Fit(CreditModelKind kind, IReadOnlyList<CreditRecord> records, int seed, CreditModelMetrics metrics)
    {
        var ml = new MLContext(seed);
        var imputation = CreditImputation.Fit(records.Select(r => r.Application));
        var data = ml.Data.LoadFromEnumerable(Featurize(records, imputation));
        return kind switch
        {
            CreditModelKind.LogisticRegression => FinishLogistic(ml, data, metrics, imputation),
            CreditModelKind.FastTree => FinishTree(ml, data, metrics, imputation, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    public static CreditModelMetrics CrossValidate(CreditModelKind kind, IReadOnlyList<CreditRecord> records, CreditTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var labels = records.Select(r => r.Defaulted).ToArray();
        var folds = StratifiedFolds.Assign(labels, options.Folds, options.Seed);
        var predicted = new double[records.Count];
        var foldAucs = new List<double>(options.Folds);
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var training = records.Where((_, i) => folds[i] != fold).ToList();
            var validation = Enumerable.Range(0, records.Count).Where(i => folds[i] == fold).ToArray();
            var imputation = CreditImputation.Fit(training.Select(r => r.Application));
            var ml = new MLContext(options.Seed + fold);
            var trainingView = ml.Data.LoadFromEnumerable(Featurize(training, imputation));
            ITransformer model = kind == CreditModelKind.LogisticRegression
                ? CreditPipeline.FitLogisticRegression(ml, trainingView)
                : CreditPipeline.FitFastTree(ml, trainingView, options.Seed + fold);
            var validationView = ml.Data.LoadFromEnumerable(Featurize(validation.Select(i => records[i]), imputation));
            var foldPredictions = CreditPipeline.PredictProbabilities(model, validationView);
            for (var k = 0; k < validation.Length; k++)
            {
                predicted[validation[k]] = foldPredictions[k];
            }

            foldAucs.Add(BinaryMetrics.Auc(foldPredictions, validation.Select(i => labels[i]).ToArray()));
        }

        var mean = foldAucs.Average();
        var spread = Math.Sqrt(foldAucs.Sum(a => (a - mean) * (a - mean)) / Math.Max(foldAucs.Count - 1, 1));
        return new CreditModelMetrics(
            options.Folds,
            records.Count,
            BinaryMetrics.Auc(predicted, labels),
            spread,
            BinaryMetrics.Ks(predicted, labels),
            options.Cutoff,
            BinaryMetrics.Accuracy(predicted, labels, options.Cutoff),
            BinaryMetrics.Accuracy(predicted, labels, 0.5),
            BinaryMetrics.Brier(predicted, labels),
            BinaryMetrics.Calibration(predicted, labels, 10));
    }

    private static List<CreditApplicationFeatures> Featurize(IEnumerable<CreditRecord> records, CreditImputation imputation) =>
        records.Select(r => CreditFeatures.Build(r.Application, imputation, r.Defaulted)).ToList();

    private static CreditModel FinishLogistic(MLContext ml, IDataView data, CreditModelMetrics metrics, CreditImputation imputation)
    {
        var model = CreditPipeline.FitLogisticRegression(ml, data);
        var weights = model.LastTransformer.Model.SubModel.Weights.ToArray();
        var features = model.Transform(data).GetColumn<float[]>(CreditPipeline.Features).ToList();
        var reference = new float[weights.Length];
        foreach (var row in features)
        {
            for (var i = 0; i < reference.Length; i++)
            {
                reference[i] += row[i] / features.Count;
            }
        }

        var scoring = model.Append(ml.Transforms.CopyColumns(CreditPipeline.Explanation, CreditPipeline.Features).Fit(model.Transform(data)));
        var card = new CreditModelCard(
            LogisticRegressionVersion, CreditModelKind.LogisticRegression, CreditModelRole.Champion, metrics, imputation,
            CreditPipeline.SlotNames(model, data.Schema), weights, reference);
        return new CreditModel(card, ml, scoring);
    }

    private static CreditModel FinishTree(MLContext ml, IDataView data, CreditModelMetrics metrics, CreditImputation imputation, int seed)
    {
        var model = CreditPipeline.FitFastTree(ml, data, seed);
        var slots = CreditPipeline.SlotNames(model, data.Schema);
        var scored = model.Transform(data);
        var contributions = ml.Transforms.CalculateFeatureContribution(model.LastTransformer, slots.Count, slots.Count, normalize: false).Fit(scored);
        var explained = contributions.Transform(scored);
        var copy = ml.Transforms.CopyColumns(CreditPipeline.Explanation, "FeatureContributions").Fit(explained);
        var scoring = model.Append(contributions).Append(copy);
        var card = new CreditModelCard(FastTreeVersion, CreditModelKind.FastTree, CreditModelRole.Challenger, metrics, imputation, slots, [], []);
        return new CreditModel(card, ml, scoring);
    }
}
