namespace Orleans.Fin.Models.Domain;

/// <summary>
/// How scores did on labelled outcomes at a threshold (a score at or above it is called positive): precision =
/// TP / (TP + FP), recall = TP / (TP + FN), AUC by ranks (ties count half). Each is null where its denominator is 0
/// (AUC needs both classes).
/// </summary>
public sealed record OutcomeMetrics(long Count, long Positives, long TruePositives, long FalsePositives, double? Precision, double? Recall, double? Auc)
{
    public static OutcomeMetrics Of(IReadOnlyList<LabelledScore> outcomes, double threshold)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        long tp = 0, fp = 0, fn = 0;
        foreach (var o in outcomes)
        {
            var flagged = o.Score >= threshold;
            tp += o.Positive && flagged ? 1 : 0;
            fp += !o.Positive && flagged ? 1 : 0;
            fn += o.Positive && !flagged ? 1 : 0;
        }

        var positives = tp + fn;
        return new OutcomeMetrics(
            outcomes.Count,
            positives,
            tp,
            fp,
            tp + fp == 0 ? null : (double)tp / (tp + fp),
            positives == 0 ? null : (double)tp / positives,
            AucOf(outcomes));
    }

    /// <summary>Probability that a random positive scores above a random negative (ties half); null without both classes.</summary>
    public static double? AucOf(IReadOnlyList<LabelledScore> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var positives = outcomes.Where(o => o.Positive).Select(o => o.Score).Order().ToArray();
        var negatives = outcomes.Where(o => !o.Positive).Select(o => o.Score).Order().ToArray();
        if (positives.Length == 0 || negatives.Length == 0)
        {
            return null;
        }

        double wins = 0;
        int below = 0, equalEnd = 0;
        foreach (var p in positives)
        {
            while (below < negatives.Length && negatives[below] < p)
            {
                below++;
            }

            equalEnd = Math.Max(equalEnd, below);
            while (equalEnd < negatives.Length && negatives[equalEnd] == p)
            {
                equalEnd++;
            }

            wins += below + (0.5 * (equalEnd - below));
        }

        return wins / ((double)positives.Length * negatives.Length);
    }
}
