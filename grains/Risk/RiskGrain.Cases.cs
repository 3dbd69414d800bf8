using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.Risk;

/// <summary>
/// Cases from outside the engine: a referral by a risk officer, and the outcome of a case, which clears or confirms the
/// customer's standing.
/// </summary>
public sealed partial class RiskGrain
{
    public async Task<CaseView> Refer(string reason, string by, bool freeze)
    {
        await SettleUnansweredWritesAsync();
        if (Current.OpenCaseId is { } open)
        {
            throw new FinException(FinErrorCode.Conflict, $"The customer is already under investigation in case {open}.");
        }

        var now = clock.GetUtcNow();
        var snapshot = Standing(LevelOf(CurrentScore(now)));
        var view = await EscalateAsync(snapshot, $"Referred by {by}: {reason}", now, null, by, byEngine: false, freeze);
        await SaveAsync();
        return view!;
    }

    public async Task CaseResolved(string caseId, CaseOutcome outcome, string by)
    {
        await SettleUnansweredWritesAsync();
        var now = clock.GetUtcNow();
        if (Current.OpenCaseId == caseId)
        {
            Current.OpenCaseId = null;
        }

        Current.Score = CurrentScore(now);
        if (outcome == CaseOutcome.FalsePositive)
        {
            Current.Score = RiskScoreRules.AfterFalsePositive(Current.Score, thresholds.Value.MediumThreshold);
            Current.StepUpUntil = null;
        }
        else
        {
            Flag(["confirmed-fraud"]);
        }

        Current.ScoredAt = now;
        Current.Level = LevelOf(Current.Score);
        CaseLabelled(caseId, outcome);
        RecordSignal(now, "case", $"Case {caseId} resolved as {outcome} by {by}", Current.Score, Current.Level);
        await SaveAsync();
    }
}
