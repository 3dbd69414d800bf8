using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// Trains the fraud classifier on labelled rows (from <see cref="FraudTrainingSet"/>) with ML.NET. Customers are split by
/// a stable hash of their id: 60% train, 20% validation (choose the decision threshold), 20% test (report metrics).
/// </summary>
public static class FraudModelTrainer
{
    /// <summary>Generation of the feature set; part of the model version.</summary>
    public const int FeatureGeneration = 1;

    /// <param name="rows">Rows split by customer into train, validation and test.</param>
    /// <param name="options">Learner and size.</param>
    /// <param name="alwaysTrain">Rows that only ever train (labelled cases added by retraining), whatever their customer.</param>
    /// <param name="version">The version to give the model; <see cref="VersionOf"/> by default.</param>
    public static FraudModel Train(
        IReadOnlyList<LabelledFraudFeatures> rows, FraudTrainingOptions options, IReadOnlyList<LabelledFraudFeatures>? alwaysTrain = null, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);

        var train = rows.Where(r => FraudTrainingSet.Bucket(r.CustomerId) >= 4).Concat(alwaysTrain ?? []).ToList();
        var validation = rows.Where(r => FraudTrainingSet.Bucket(r.CustomerId) is 2 or 3).ToList();
        var test = rows.Where(r => FraudTrainingSet.Bucket(r.CustomerId) is 0 or 1).ToList();
        if (!train.Any(r => r.Label) || train.All(r => r.Label))
        {
            throw new ArgumentException("The training rows need both fraud and ordinary payments.", nameof(rows));
        }

        var ml = new MLContext(seed: options.Seed);
        var clock = Stopwatch.StartNew();
        var transformer = Pipeline(ml, options).Fit(ml.Data.LoadFromEnumerable(train));
        var seconds = clock.Elapsed.TotalSeconds;

        var threshold = validation.Count > 0 ? BestF1Threshold(Probabilities(ml, transformer, validation), validation) : 0.5;
        var testSet = test.Count > 0 ? test : validation;
        var testScores = Probabilities(ml, transformer, testSet);
        var (precision, recall, fpr) = AtThreshold(testScores, testSet, threshold);
        var evaluation = ml.BinaryClassification.EvaluateNonCalibrated(transformer.Transform(ml.Data.LoadFromEnumerable(testSet)));

        var metrics = new FraudModelMetrics
        {
            Trainer = options.Algorithm,
            Seed = options.Seed,
            Auc = evaluation.AreaUnderRocCurve,
            AucPr = evaluation.AreaUnderPrecisionRecallCurve,
            Threshold = threshold,
            Precision = precision,
            Recall = recall,
            FalsePositiveRate = fpr,
            F1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
            TrainRows = train.Count,
            TrainPositives = train.Count(r => r.Label),
            ValidationRows = validation.Count,
            TestRows = testSet.Count,
            TestPositives = testSet.Count(r => r.Label),
            TrainingSeconds = seconds,
        };
        return new FraudModel(ml, transformer, version ?? VersionOf(options), metrics);
    }

    /// <summary>"fraud-ft-1.42": learner (ft FastTree, ff FastForest), feature generation, seed.</summary>
    public static string VersionOf(FraudTrainingOptions options) =>
        $"fraud-{(options.Algorithm == FraudTrainingOptions.FastForest ? "ff" : "ft")}-{FeatureGeneration}.{options.Seed}";

    /// <summary>The model's probabilities for the rows, in order.</summary>
    public static float[] Probabilities(MLContext ml, ITransformer transformer, IReadOnlyList<LabelledFraudFeatures> rows)
    {
        var scored = transformer.Transform(ml.Data.LoadFromEnumerable(rows));
        return [.. ml.Data.CreateEnumerable<FraudPrediction>(scored, reuseRowObject: false).Select(p => float.IsNaN(p.Probability) ? 0f : p.Probability)];
    }

    /// <summary>Precision, recall and false-positive rate when scores at or above the threshold are called fraud.</summary>
    public static (double Precision, double Recall, double FalsePositiveRate) AtThreshold(IReadOnlyList<float> scores, IReadOnlyList<LabelledFraudFeatures> rows, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var flagged = scores[i] >= threshold;
            (tp, fp, fn, tn) = (rows[i].Label, flagged) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (false, true) => (tp, fp + 1, fn, tn),
                (true, false) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
        }

        return (tp + fp > 0 ? (double)tp / (tp + fp) : 0, tp + fn > 0 ? (double)tp / (tp + fn) : 0, fp + tn > 0 ? (double)fp / (fp + tn) : 0);
    }

    /// <summary>Area under the ROC curve by ranks (ties share their mean rank).</summary>
    public static double Auc(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var meanRank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                rankSum += labels[order[k]] ? meanRank : 0;
            }

            i = j + 1;
        }

        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, FraudTrainingOptions options)
    {
        var features = ml.Transforms.Concatenate("Features", [.. FraudFeatures.ColumnNames]);
        if (options.Algorithm == FraudTrainingOptions.FastForest)
        {
            return features
                .Append(ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
                {
                    LabelColumnName = nameof(LabelledFraudFeatures.Label),
                    FeatureColumnName = "Features",
                    NumberOfTrees = options.Trees,
                    NumberOfLeaves = options.Leaves,
                    MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
                    NumberOfThreads = options.Threads,
                }))
                .Append(ml.BinaryClassification.Calibrators.Platt(nameof(LabelledFraudFeatures.Label)));
        }

        if (options.Algorithm != FraudTrainingOptions.FastTree)
        {
            throw new ArgumentException($"Unknown algorithm {options.Algorithm}.", nameof(options));
        }

        return features.Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(LabelledFraudFeatures.Label),
            FeatureColumnName = "Features",
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = options.Threads,
        }));
    }

    private static double BestF1Threshold(IReadOnlyList<float> scores, IReadOnlyList<LabelledFraudFeatures> rows)
    {
        var best = (F1: -1.0, Threshold: 0.5);
        for (var t = 0.05; t < 0.96; t += 0.01)
        {
            var (precision, recall, _) = AtThreshold(scores, rows, t);
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            if (f1 > best.F1)
            {
                best = (f1, Math.Round(t, 2));
            }
        }

        return best.Threshold;
    }
}
