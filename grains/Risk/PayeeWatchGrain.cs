using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.Risk;

/// <summary>
/// The flagged customers paying one account. From <see cref="RiskControlOptions.MuleFlaggedSenders"/> distinct ones on,
/// the account's owner gets a mule-account signal and every flagged sender a ring-member signal; one ring alert is raised.
/// </summary>
public sealed class PayeeWatchGrain(
    [PersistentState("payee-watch", FinNames.Storage)] IPersistentState<PayeeWatchState> state,
    IOptions<RiskControlOptions> control,
    TimeProvider clock) : Grain, IPayeeWatchGrain
{
    public const int MaxSenders = 100;

    public async Task RecordFlaggedSender(string customerId, DateTimeOffset at)
    {
        var s = state.State;
        if (!Bounded.AddDistinct(s.FlaggedSenders, customerId, MaxSenders))
        {
            return;
        }

        var accountId = this.GetPrimaryKeyString();
        if (s.FlaggedSenders.Count >= control.Value.MuleFlaggedSenders)
        {
            var owner = s.OwnerCustomerId ??= (await GrainFactory.GetGrain<IAccountGrain>(accountId).Get())?.CustomerId;
            var description = $"Account {accountId} receives money from {s.FlaggedSenders.Count} flagged customers";
            foreach (var sender in s.FlaggedSenders.Where(c => c != owner && !s.Signalled.Contains(c, StringComparer.Ordinal)).ToList())
            {
                Bounded.Add(s.Signalled, sender, MaxSenders);
                _ = GrainFactory.GetGrain<IRiskGrain>(sender).RaiseSignal(new RingSignal(RingSignalKind.RingMember, accountId, description, at));
            }

            if (!s.OwnerSignalled && owner is not null)
            {
                s.OwnerSignalled = true;
                _ = GrainFactory.GetGrain<IRiskGrain>(owner).RaiseSignal(new RingSignal(RingSignalKind.MuleAccount, accountId, description, at));
                await GrainFactory.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).Raise(new AlertDraft(
                    AlertKind.RingDetected, owner, RiskLevel.High, description, ["MULE_ACCOUNT"], null, clock.GetUtcNow()));
            }
        }

        await state.WriteStateAsync();
    }
}

public sealed class PayeeWatchState
{
    public int SchemaVersion { get; set; } = 1;
    public string? OwnerCustomerId { get; set; }
    public List<string> FlaggedSenders { get; set; } = [];
    public List<string> Signalled { get; set; } = [];
    public bool OwnerSignalled { get; set; }
}
