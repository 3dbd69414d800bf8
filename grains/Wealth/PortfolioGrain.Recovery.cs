using Orleans.Fin.Common;

namespace Orleans.Fin.Wealth;

/// <summary>
/// Orders left pending by a crash, a lost answer or a failed write are finished by the system itself: the
/// pending-movement reminder is set before an order is written and ticks until no order is pending. The movement it
/// replays never calls back into the portfolio.
/// </summary>
public sealed partial class PortfolioGrain
{
    private bool _recoveryArmed;

    private async Task ArmRecovery()
    {
        if (!_recoveryArmed)
        {
            var period = pendingOptions.Value.RetryPeriod;
            await this.RegisterOrUpdateReminder(FinNames.PendingMovementReminder, period, period);
            _recoveryArmed = true;
        }
    }

    /// <summary>The reminder tick: settle what is pending, then drop the reminder once nothing is left.</summary>
    private async Task Recover()
    {
        if (S.Exists)
        {
            await ResumePending();
        }

        if (S.Orders.Values.All(o => o.Status != OrderStatus.Pending) && await this.GetReminder(FinNames.PendingMovementReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _recoveryArmed = false;
        }
    }

    private Task Commit() => DurableState.CommitAsync(state, DeactivateOnIdle);
}
