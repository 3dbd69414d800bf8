namespace Orleans.Fin.Credit.Model;

/// <summary>
/// Pure metrics of predicted probabilities against outcomes (true = default). AUC is the Mann–Whitney statistic with
/// ties counted half; KS the largest gap between the cumulative score distributions of defaults and non-defaults.
/// </summary>
public static class BinaryMetrics
{
    public static double Auc(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual)
    {
        Check(predicted, actual);
        var order = Enumerable.Range(0, predicted.Count).OrderBy(i => predicted[i]).ToArray();
        double rankSumPositives = 0;
        long positives = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && predicted[order[j + 1]] == predicted[order[i]])
            {
                j++;
            }

            var averageRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (actual[order[k]])
                {
                    rankSumPositives += averageRank;
                    positives++;
                }
            }

            i = j + 1;
        }

        long negatives = predicted.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    public static double Ks(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual)
    {
        Check(predicted, actual);
        var positives = actual.Count(a => a);
        var negatives = actual.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, predicted.Count).OrderByDescending(i => predicted[i]).ToArray();
        double tp = 0, fp = 0, best = 0;
        var i = 0;
        while (i < order.Length)
        {
            var threshold = predicted[order[i]];
            while (i < order.Length && predicted[order[i]] == threshold)
            {
                if (actual[order[i]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                i++;
            }

            best = Math.Max(best, Math.Abs(tp / positives - fp / negatives));
        }

        return best;
    }

    /// <summary>The share predicted right when a PD above <paramref name="cutoff"/> predicts a default.</summary>
    public static double Accuracy(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual, double cutoff)
    {
        Check(predicted, actual);
        return predicted.Count == 0 ? double.NaN : (double)predicted.Where((p, i) => p > cutoff == actual[i]).Count() / predicted.Count;
    }

    /// <summary>The mean squared difference between the predicted PD and the outcome (0 or 1).</summary>
    public static double Brier(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual)
    {
        Check(predicted, actual);
        return predicted.Count == 0 ? double.NaN : predicted.Select((p, i) => Math.Pow(p - (actual[i] ? 1 : 0), 2)).Average();
    }

    /// <summary>Sorts by predicted PD into <paramref name="bins"/> equal-count bins (deciles for 10).</summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual, int bins = 10)
    {
        Check(predicted, actual);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var order = Enumerable.Range(0, predicted.Count).OrderBy(i => predicted[i]).ToArray();
        var table = new List<CalibrationBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            var from = (int)((long)order.Length * b / bins);
            var to = (int)((long)order.Length * (b + 1) / bins);
            if (to <= from)
            {
                continue;
            }

            var members = order[from..to];
            table.Add(new CalibrationBin(
                b + 1,
                members.Length,
                predicted[members[0]],
                predicted[members[^1]],
                members.Average(i => predicted[i]),
                members.Average(i => actual[i] ? 1.0 : 0.0)));
        }

        return table;
    }

    private static void Check(IReadOnlyList<double> predicted, IReadOnlyList<bool> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.Count != actual.Count)
        {
            throw new ArgumentException("Predictions and outcomes differ in length.", nameof(actual));
        }
    }
}
