using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Who pays one account, watched by <see cref="RingWatch"/> twice over. Flagged senders: from
/// <see cref="RiskControlOptions.MuleFlaggedSenders"/> on, the owner gets a mule-account signal and every flagged sender a
/// ring-member signal. Risky attempts (see <see cref="BeneficiaryRiskPolicy"/>): from
/// <see cref="RiskControlOptions.BeneficiaryRiskySenders"/> customers within <see cref="RiskControlOptions.BeneficiaryWindow"/>
/// on, the account is a watched beneficiary and its owner gets a scam-collector signal (a case). One alert each.
/// </summary>
public sealed class PayeeWatchGrain(
    [PersistentState("payee-watch", FinNames.Storage)] IPersistentState<PayeeWatchState> state,
    IOptions<RiskControlOptions> control,
    TimeProvider clock) : Grain, IPayeeWatchGrain
{
    public const int MaxSenders = 100;

    private string AccountId => this.GetPrimaryKeyString();

    public async Task RecordFlaggedSender(string customerId, DateTimeOffset at)
    {
        state.State.Upgrade(at);
        var step = RingWatch.Record(state.State.Flagged, customerId, at, control.Value.MuleFlaggedSenders, MaxSenders);
        if (!step.Added)
        {
            return;
        }

        if (step.Watched)
        {
            var owner = await OwnerAsync();
            var description = $"Account {AccountId} receives money from {state.State.Flagged.Members.Count} flagged customers";
            foreach (var sender in step.ToSignal.Where(c => c != owner))
            {
                _ = GrainFactory.GetGrain<IRiskGrain>(sender).RaiseSignal(new RingSignal(RingSignalKind.RingMember, AccountId, description, at));
            }

            await FlagOwnerAsync(owner, RingSignalKind.MuleAccount, description, "MULE_ACCOUNT", at);
        }

        await state.WriteStateAsync();
    }

    public async Task<bool> AssessInbound(string customerId, bool risky, DateTimeOffset at)
    {
        state.State.Upgrade(at);
        var options = control.Value;
        if (!risky)
        {
            return RingWatch.IsWatched(state.State.Risky, at, options.BeneficiaryRiskySenders, options.BeneficiaryWindow);
        }

        var owner = await OwnerAsync();
        if (owner == customerId)
        {
            return false; // paying one's own account says nothing about it
        }

        var step = RingWatch.Record(state.State.Risky, customerId, at, options.BeneficiaryRiskySenders, MaxSenders, options.BeneficiaryWindow, owner);
        if (step.Watched)
        {
            var description = $"Account {AccountId} is the target of risky payments from {state.State.Risky.Members.Count} customers";
            await FlagOwnerAsync(owner, RingSignalKind.ScamCollector, description, "SCAM_COLLECTOR", at);
        }

        await state.WriteStateAsync();
        return step.Watched;
    }

    /// <summary>Signals the owner once per kind and raises one ring alert.</summary>
    private async Task FlagOwnerAsync(string? owner, RingSignalKind kind, string description, string reason, DateTimeOffset at)
    {
        if (owner is null || state.State.OwnerSignals.Contains(kind.ToString(), StringComparer.Ordinal))
        {
            return;
        }

        state.State.OwnerSignals.Add(kind.ToString());
        _ = GrainFactory.GetGrain<IRiskGrain>(owner).RaiseSignal(new RingSignal(kind, AccountId, description, at));
        await GrainFactory.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).Raise(new AlertDraft(
            AlertKind.RingDetected, owner, RiskLevel.High, description, [reason], null, clock.GetUtcNow()));
    }

    private async Task<string?> OwnerAsync() =>
        state.State.OwnerCustomerId ??= (await GrainFactory.GetGrain<IAccountGrain>(AccountId).Get())?.CustomerId;
}
