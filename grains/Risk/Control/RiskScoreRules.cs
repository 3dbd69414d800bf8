using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk.Control;

/// <summary>
/// How a customer's standing score moves: it remembers the worst recent verdict and fades with a half-life, ring
/// signals add to it, a false positive cuts it below the medium threshold. Levels come from the configured thresholds;
/// an open case keeps the customer at High.
/// </summary>
public static class RiskScoreRules
{
    public const int MaxScore = 100;

    public static int Decay(int score, DateTimeOffset? since, DateTimeOffset now, TimeSpan halfLife)
    {
        if (since is not { } from || now <= from || halfLife <= TimeSpan.Zero)
        {
            return score;
        }

        var halves = (now - from) / halfLife;
        return (int)Math.Floor(score * Math.Pow(0.5, halves));
    }

    public static int AfterVerdict(int score, DateTimeOffset? scoredAt, int verdictScore, DateTimeOffset now, TimeSpan halfLife) =>
        Math.Clamp(Math.Max(verdictScore, Decay(score, scoredAt, now, halfLife)), 0, MaxScore);

    public static int AfterSignal(int score, DateTimeOffset? scoredAt, int boost, DateTimeOffset now, TimeSpan halfLife) =>
        Math.Clamp(Decay(score, scoredAt, now, halfLife) + boost, 0, MaxScore);

    /// <summary>A false positive: a quarter of the score, and never above the medium threshold.</summary>
    public static int AfterFalsePositive(int score, int mediumThreshold) =>
        Math.Clamp(Math.Min(score / 4, mediumThreshold - 1), 0, MaxScore);

    public static RiskLevel LevelOf(int score, int mediumThreshold, int highThreshold, bool openCase) =>
        openCase || score >= highThreshold ? RiskLevel.High
        : score >= mediumThreshold ? RiskLevel.Medium
        : RiskLevel.Low;
}
