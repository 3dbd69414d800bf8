using Orleans.Fin.Common;
using Orleans.Fin.Loans;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.Risk;

/// <summary>
/// Counters and the latest freeze timings behind /ops/kpis. Updates arrive one-way and are written at most once a
/// second (a crash loses at most that second of counts; the cases themselves are durable). It reads the loan portfolio
/// for the credit indicators.
/// </summary>
public sealed class RiskKpiGrain(
    [PersistentState("risk-kpis", FinNames.Storage)] IPersistentState<RiskKpiState> state) : Grain, IRiskKpiGrain
{
    public const int MaxSamples = 10_000;
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private IGrainTimer? _flushTimer;
    private bool _dirty;

    private RiskKpiState S => state.State;

    public Task RecordFreeze(double milliseconds, int accounts)
    {
        Bounded.Add(S.FreezeMs, milliseconds, MaxSamples);
        S.AccountsFrozen += accounts;
        return Changed();
    }

    public Task RecordCaseOpened(bool byEngine)
    {
        S.CasesOpened++;
        S.CasesOpenedByEngine += byEngine ? 1 : 0;
        return Changed();
    }

    public Task RecordCaseResolved(CaseOutcome outcome, bool byEngine)
    {
        S.CasesResolved++;
        S.CasesCorrect += (outcome == CaseOutcome.ConfirmedFraud) == byEngine ? 1 : 0;
        if (outcome == CaseOutcome.ConfirmedFraud)
        {
            S.ConfirmedFraud++;
            S.ConfirmedFraudByEngine += byEngine ? 1 : 0;
        }
        else
        {
            S.FalsePositives++;
        }

        return Changed();
    }

    public Task RecordChallenge(string outcome)
    {
        switch (outcome)
        {
            case "issued":
                S.ChallengesIssued++;
                break;
            case "passed":
                S.ChallengesPassed++;
                break;
            case "declined":
                S.ChallengesDeclined++;
                break;
        }

        return Changed();
    }

    public Task RecordAlert()
    {
        S.AlertsRaised++;
        return Changed();
    }

    public Task RecordTally(RiskKpiTally tally)
    {
        S.RiskDecisions += tally.Decisions;
        S.RiskDecisionsWithModel += tally.DecisionsWithModel;
        S.RecordsChecked += tally.RecordsChecked;
        S.RecordsValid += tally.RecordsValid;
        S.UnreportedLabelled += tally.UnreportedLabelled;
        S.UnreportedCorrect += tally.UnreportedCorrect;
        S.FraudAmount += tally.FraudAmount;
        S.FraudAmountStopped += tally.FraudAmountStopped;
        S.FraudAmountStoppedByBaseline += tally.FraudAmountStoppedByBaseline;
        return Changed();
    }

    public async Task<RiskKpis> Get()
    {
        var loans = await GrainFactory.GetGrain<ILoanPortfolioGrain>(ILoanPortfolioGrain.Key).Get();
        return KpiFormulas.Compute(S, loans);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private Task Changed()
    {
        _dirty = true;
        _flushTimer ??= this.RegisterGrainTimer(Flush, FlushInterval, FlushInterval);
        return Task.CompletedTask;
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            _flushTimer?.Dispose();
            _flushTimer = null;
            return;
        }

        _dirty = false;
        await state.WriteStateAsync(cancellationToken);
    }
}
