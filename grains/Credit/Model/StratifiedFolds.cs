namespace Orleans.Fin.Credit.Model;

/// <summary>
/// Assigns records to k folds so each fold holds the same share of defaults: each class is shuffled with the seed
/// and dealt round-robin. Deterministic for a given seed.
/// </summary>
public static class StratifiedFolds
{
    public static int[] Assign(IReadOnlyList<bool> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var assignment = new int[labels.Count];
        var random = new Random(seed);
        var next = 0;
        foreach (var label in new[] { true, false })
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            random.Shuffle(members);
            foreach (var member in members)
            {
                assignment[member] = next;
                next = (next + 1) % folds;
            }
        }

        return assignment;
    }
}
