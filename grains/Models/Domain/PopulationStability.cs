namespace Orleans.Fin.Models.Domain;

/// <summary>
/// Population stability index of a live distribution against the training one over the same bins:
/// PSI = Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ), with shares floored at <see cref="Floor"/> so an empty bin does not divide by zero.
/// Read as: below 0.10 stable, 0.10–0.25 a moderate shift, above 0.25 a major shift (retrain or investigate).
/// </summary>
public static class PopulationStability
{
    public const double Floor = 0.0001;
    public const double ModerateShift = 0.10;
    public const double MajorShift = 0.25;

    /// <summary>Fewer live observations than this give no index (too noisy to act on).</summary>
    public const long MinimumObservations = 50;

    public static double Index(IReadOnlyList<double> expectedShares, IReadOnlyList<double> actualShares)
    {
        ArgumentNullException.ThrowIfNull(expectedShares);
        ArgumentNullException.ThrowIfNull(actualShares);
        if (expectedShares.Count != actualShares.Count)
        {
            throw new ArgumentException("Both distributions need the same bins.", nameof(actualShares));
        }

        var psi = 0.0;
        for (var i = 0; i < expectedShares.Count; i++)
        {
            var e = Math.Max(expectedShares[i], Floor);
            var a = Math.Max(actualShares[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>The index of live counts against training shares; null below <see cref="MinimumObservations"/>.</summary>
    public static double? Of(IReadOnlyList<double> expectedShares, IReadOnlyList<long> actualCounts) =>
        actualCounts.Sum() < MinimumObservations || expectedShares.Sum() <= 0 ? null : Index(expectedShares, ScoreBands.Shares(actualCounts));

    public static string Status(double? psi) => psi switch
    {
        null => "InsufficientData",
        < ModerateShift => "Stable",
        < MajorShift => "ModerateShift",
        _ => "MajorShift",
    };
}
