using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.Wealth;

/// <summary>
/// Rebalancing: on the portfolio's reminder (its own slot in each period, so thousands of portfolios do not fire
/// together), on the book's sweep after a clock advance, and on demand. At most one rebalance per period.
/// </summary>
public sealed partial class PortfolioGrain
{
    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        FinNames.PendingMovementReminder => Recover(),
        FinNames.PortfolioRebalanceReminder when S.Exists => Tick(null),
        _ => Task.CompletedTask,
    };

    public async Task<RebalanceOutcome> Tick(DateTimeOffset? asOf)
    {
        EnsureExists();
        var now = clock.GetUtcNow();
        if (asOf > now)
        {
            now = asOf.Value;
        }

        try
        {
            await ResumePending();
        }
        catch (Exception ex) when (ex is not FinException)
        {
            LogPendingFailed(logger, ex, Id);
            return Skipped("schedule", now, "An order is still being settled.");
        }

        var period = Settings.RebalancePeriod;
        if (!RebalanceSchedule.IsDue(S.LastRebalancedAt, now, period, RebalanceSchedule.OffsetFor(Id, period, Settings.RebalanceSlots)))
        {
            return Skipped("schedule", now, "Already rebalanced in this period.");
        }

        return await RebalanceWithin(Settings.DriftBand, "schedule", now);
    }

    public async Task<RebalanceOutcome> Rebalance(string requestedBy)
    {
        EnsureExists();
        await ResumePending();
        var outcome = await RebalanceWithin(0m, "request", clock.GetUtcNow());
        LogRebalanceRequested(logger, Id, requestedBy, outcome.Rebalanced);
        return outcome;
    }

    private async Task<RebalanceOutcome> RebalanceWithin(decimal band, string trigger, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var navs = market.NavsOn(today);
        if (PortfolioAnalytics.MarketValue(S.Units, navs, S.Cash) <= 0)
        {
            return Skipped(trigger, now, "The portfolio holds nothing.");
        }

        var plan = Rebalancer.Plan(S.Units, navs, S.Cash, S.Targets, band);
        if (!plan.IsNeeded)
        {
            return Skipped(trigger, now, string.Create(CultureInfo.InvariantCulture, $"Drift {plan.Drift:P2} is within the band of {band:P2}."), plan.Drift);
        }

        var navDate = market.NavDate(today);
        SetHoldings(CurrentHoldings().After(plan.Trades), navDate, 0m, "rebalance-" + trigger);
        S.LastRebalancedAt = now;
        S.RebalanceCount++;
        await Commit();
        FinMetrics.Rebalances.Add(1, new KeyValuePair<string, object?>("trigger", trigger));
        var after = PortfolioAnalytics.Drift(PortfolioAnalytics.Weights(S.Units, navs, S.Cash), S.Targets);
        LogRebalanced(logger, Id, trigger, plan.Drift, after, plan.Trades.Count);
        return new RebalanceOutcome(
            Id, trigger, true, null, Ratio(plan.Drift), Ratio(after),
            [.. plan.Trades.Select(t => new TradeView(t.ProductId, t.Side.ToString(), t.Units, t.Nav, t.Amount))], navDate, now);
    }

    private RebalanceOutcome Skipped(string trigger, DateTimeOffset now, string because, decimal? drift = null)
    {
        var navs = market.NavsOn(DateOnly.FromDateTime(now.UtcDateTime));
        var current = drift ?? (PortfolioAnalytics.MarketValue(S.Units, navs, S.Cash) > 0
            ? PortfolioAnalytics.Drift(PortfolioAnalytics.Weights(S.Units, navs, S.Cash), S.Targets)
            : 0m);
        return new RebalanceOutcome(Id, trigger, false, because, Ratio(current), Ratio(current), [], market.NavDate(DateOnly.FromDateTime(now.UtcDateTime)), now);
    }

    /// <summary>The reminder fires at the portfolio's slot in every period (business time), starting with the next one.</summary>
    private async Task RegisterRebalanceReminder(DateTimeOffset now)
    {
        var period = Settings.RebalancePeriod;
        var offset = RebalanceSchedule.OffsetFor(Id, period, Settings.RebalanceSlots);
        var into = (now - DateTimeOffset.UnixEpoch - offset).Ticks % period.Ticks;
        var due = TimeSpan.FromTicks(period.Ticks - (into < 0 ? into + period.Ticks : into));
        await this.RegisterOrUpdateReminder(FinNames.PortfolioRebalanceReminder, due, period);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId} rebalanced ({Trigger}): drift {DriftBefore} -> {DriftAfter}, {Trades} trades")]
    private static partial void LogRebalanced(ILogger logger, string portfolioId, string trigger, decimal driftBefore, decimal driftAfter, int trades);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId} rebalance requested by {RequestedBy}: traded {Rebalanced}")]
    private static partial void LogRebalanceRequested(ILogger logger, string portfolioId, string requestedBy, bool rebalanced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio {PortfolioId} could not settle a pending order before its rebalance check")]
    private static partial void LogPendingFailed(ILogger logger, Exception exception, string portfolioId);
}
