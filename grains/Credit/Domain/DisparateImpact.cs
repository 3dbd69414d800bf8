namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// Fair-lending check: approval rate (PD at or below the cut-off) and mean PD per group of a protected attribute,
/// and each group's approval rate over the best-treated group's (the adverse impact ratio; below 0.8 fails the
/// four-fifths rule of thumb and needs a look).
/// </summary>
public static class DisparateImpact
{
    public const double FourFifths = 0.8;

    /// <summary>Age bands used in the report.</summary>
    public static string AgeBand(int age) => age switch
    {
        < 26 => "18-25",
        < 36 => "26-35",
        < 51 => "36-50",
        < 66 => "51-65",
        _ => "66+",
    };

    public static IReadOnlyList<ImpactGroup> By(IEnumerable<(string Group, double Pd)> decisions, double approveMaxPd)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var groups = decisions.GroupBy(d => d.Group, StringComparer.Ordinal)
            .Select(g => (Group: g.Key, Count: g.Count(), Approved: g.Count(d => d.Pd <= approveMaxPd), MeanPd: g.Average(d => d.Pd)))
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
        var best = groups.Count == 0 ? 0 : groups.Max(g => (double)g.Approved / g.Count);
        return [.. groups.Select(g =>
        {
            var rate = (double)g.Approved / g.Count;
            return new ImpactGroup(g.Group, g.Count, rate, g.MeanPd, best == 0 ? 0 : rate / best);
        })];
    }
}

/// <summary>One group's applications, approval rate, mean PD and approval rate relative to the best-treated group.</summary>
public sealed record ImpactGroup(string Group, int Applications, double ApprovalRate, double MeanPd, double ImpactRatio);
