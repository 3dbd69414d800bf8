using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Fin.Customers.Domain;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Customers;

/// <summary>Keeps <see cref="StepUpQuota"/> for one customer and raises an alert when it locks.</summary>
public sealed partial class StepUpGuardGrain(
    [PersistentState("stepup", FinNames.Storage)] IPersistentState<StepUpGuardState> state,
    TimeProvider clock,
    ILogger<StepUpGuardGrain> logger) : Grain, IStepUpGuardGrain
{
    public Task<StepUpGate> Issue(string reference) => Apply(reference, StepUpQuota.Issue, "too many one-time codes requested");

    public Task<StepUpGate> WrongAnswer(string reference) => Apply(reference, StepUpQuota.WrongAnswer, "too many wrong one-time codes");

    public Task<StepUpGate> Check() => Task.FromResult(Gate(Ledger(), clock.GetUtcNow()));

    private async Task<StepUpGate> Apply(
        string reference, Func<StepUpLedger, DateTimeOffset, StepUpLimits, (StepUpLedger, StepUpOutcome)> rule, string why)
    {
        var now = clock.GetUtcNow();
        var (ledger, outcome) = rule(Ledger(), now, StepUpLimits.Default);
        if (outcome == StepUpOutcome.Locked)
        {
            return Gate(ledger, now);
        }

        state.State.Issued = [.. ledger.Issued];
        state.State.WrongAnswers = [.. ledger.WrongAnswers];
        state.State.LockedUntil = ledger.LockedUntil;
        await state.WriteStateAsync();
        if (outcome == StepUpOutcome.LockedNow)
        {
            var customerId = this.GetPrimaryKeyString();
            LogLocked(logger, customerId, reference, ledger.LockedUntil!.Value);
            await GrainFactory.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).Raise(new AlertDraft(
                AlertKind.StepUpLocked, customerId, RiskLevel.Medium, $"Step-up locked until {ledger.LockedUntil:u}: {why}",
                ["STEP_UP_LOCKED"], null, now));
        }

        return Gate(ledger, now);
    }

    private StepUpLedger Ledger() => new(state.State.Issued, state.State.WrongAnswers, state.State.LockedUntil);

    private static StepUpGate Gate(StepUpLedger ledger, DateTimeOffset now) =>
        StepUpQuota.IsLocked(ledger, now) ? new StepUpGate(false, ledger.LockedUntil) : StepUpGate.Opened;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step-up of {CustomerId} locked until {LockedUntil} at {Reference}")]
    private static partial void LogLocked(ILogger logger, string customerId, string reference, DateTimeOffset lockedUntil);
}
