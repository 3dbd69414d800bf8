using System.Runtime.InteropServices;
using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// How payment decisions get their labels. A payment decided while the customer has an open case belongs to that case;
/// opening a case takes in the unreported payments of the <c>lookback</c> before its trigger (the episode). Resolving the
/// case labels them: a confirmed fraud counts their amounts (stopped, and stopped by the baseline) for interception; a
/// false positive just releases them. A payment with no case for the label window is a negative, decided correctly when
/// the money was allowed to leave.
/// </summary>
public static class DecisionLabels
{
    /// <summary>
    /// Keeps <paramref name="decision"/> (a repeated assessment of the same movement, such as the one with the code,
    /// replaces the outcome of the first and keeps its time). Returns whether the movement was new. The oldest records
    /// go beyond <paramref name="capacity"/>.
    /// </summary>
    public static bool Remember(List<DecisionRecord> decisions, DecisionRecord decision, int capacity)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var known = decisions.FindIndex(d => d.Movement == decision.Movement);
        if (known >= 0)
        {
            var first = decisions[known];
            decisions[known] = first with
            {
                Stopped = decision.Stopped,
                BaselineStopped = decision.BaselineStopped,
                CaseId = first.CaseId ?? decision.CaseId,
                Compact = first.Compact ?? decision.Compact,
            };
            return false;
        }

        if (decisions.Count >= capacity)
        {
            decisions.RemoveRange(0, decisions.Count - capacity + 1);
        }

        RecordCapacity.EnsureRoom(decisions, capacity);
        decisions.Add(decision);
        return true;
    }

    /// <summary>A case opened: the unreported payments since <paramref name="triggerAt"/> − <paramref name="lookback"/> become its episode.</summary>
    public static void AttachToCase(List<DecisionRecord> decisions, string caseId, DateTimeOffset triggerAt, TimeSpan lookback)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        for (var i = 0; i < decisions.Count; i++)
        {
            if (decisions[i].CaseId is null && decisions[i].At >= triggerAt - lookback)
            {
                decisions[i] = decisions[i] with { CaseId = caseId };
            }
        }
    }

    /// <summary>A case was resolved: its payments leave the list; a confirmed fraud returns their amounts.</summary>
    public static FraudEpisode CloseCase(List<DecisionRecord> decisions, string caseId, bool confirmedFraud)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var episode = decisions.Where(d => d.CaseId == caseId).ToList();
        decisions.RemoveAll(d => d.CaseId == caseId);
        return confirmedFraud
            ? new FraudEpisode(
                episode.Sum(d => d.AmountCny), episode.Where(d => d.Stopped).Sum(d => d.AmountCny),
                episode.Where(d => d.BaselineStopped).Sum(d => d.AmountCny))
            : FraudEpisode.None;
    }

    /// <summary>Payments with no case that were decided at least <paramref name="window"/> before <paramref name="now"/>: labelled negatives, taken out of the list.</summary>
    public static MaturedDecisions Mature(List<DecisionRecord> decisions, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var cutoff = now.UtcTicks - window.Ticks; // plain ticks: no DateTimeOffset range check, whatever the window
        bool Due(DecisionRecord d) => IsDue(d, cutoff);
        if (!AnyDue(decisions, cutoff))
        {
            return MaturedDecisions.None; // the common case, on every payment and event: nothing allocated
        }

        var matured = decisions.FindAll(Due);
        decisions.RemoveAll(Due);
        return new MaturedDecisions(matured.Count, matured.Count(d => !d.Stopped), matured);
    }

    /// <summary>The check made on every payment and event: a pass over the records in place, with no delegate and no copies.</summary>
    private static bool AnyDue(List<DecisionRecord> decisions, long cutoff)
    {
        foreach (ref readonly var decision in CollectionsMarshal.AsSpan(decisions))
        {
            if (IsDue(decision, cutoff))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No case, and decided at or before <paramref name="cutoff"/> (UTC ticks).</summary>
    private static bool IsDue(in DecisionRecord decision, long cutoff) => decision.CaseId is null && decision.UtcTicks <= cutoff;

    /// <summary>
    /// Whether the rules-only baseline would have stopped a payment: when its own level is High (it declines), and for
    /// every stop that did not come from the serving verdict being High (a hold, an unanswered code), which the baseline
    /// would have met the same way. Without a baseline score the serving level stands in (no uplift either way).
    /// </summary>
    public static bool BaselineStops(bool stopped, RiskLevel level, RiskLevel? baselineLevel) =>
        (baselineLevel ?? level) == RiskLevel.High || (stopped && level != RiskLevel.High);
}
