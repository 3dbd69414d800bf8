using Microsoft.Extensions.Options;
using Orleans.Fin.Common;
using Orleans.Fin.Loans;
using Orleans.Fin.Wealth;

namespace Orleans.Fin.Clock;

public sealed class BusinessClockGrain(
    [PersistentState("clock", FinNames.Storage)] IPersistentState<BusinessClockState> state,
    BusinessClock clock,
    IOptions<BusinessClockOptions> options) : Grain, IBusinessClockGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        clock.Follow(TimeSpan.FromTicks(state.State.OffsetTicks));
        return Task.CompletedTask;
    }

    public async Task<BusinessClockView> Advance(TimeSpan by)
    {
        if (!options.Value.Simulated)
        {
            throw new FinException(FinErrorCode.BusinessRule, "The business clock is the system clock; it cannot be advanced.");
        }

        if (by <= TimeSpan.Zero || by > TimeSpan.FromDays(options.Value.MaxAdvanceDays))
        {
            throw new FinException(FinErrorCode.Validation, $"days must be between 1 and {options.Value.MaxAdvanceDays}.", "days");
        }

        state.State.OffsetTicks += by.Ticks;
        await state.WriteStateAsync();
        clock.Follow(TimeSpan.FromTicks(state.State.OffsetTicks));
        var now = clock.GetUtcNow();

        // Everything on the business clock follows it before the advance is reported: due dates, debits, ageing, and
        // the rebalance check of every portfolio at the new NAVs.
        await GrainFactory.GetGrain<ILoanBookGrain>(ILoanBookGrain.Key).ProcessUntil(DateOnly.FromDateTime(now.UtcDateTime));
        await PortfolioBook.SweepAllAsync(GrainFactory, now);
        return new BusinessClockView(now, Simulated: true);
    }

    public Task<TimeSpan> GetOffset() => Task.FromResult(TimeSpan.FromTicks(state.State.OffsetTicks));

    public Task<BusinessClockView> Now() => Task.FromResult(new BusinessClockView(clock.GetUtcNow(), options.Value.Simulated));
}
