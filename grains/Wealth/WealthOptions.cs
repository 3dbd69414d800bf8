namespace Orleans.Fin.Wealth;

/// <summary>Section "Wealth": the simulated market, the currency funds are sold in, and how rebalancing is scheduled.</summary>
public sealed class WealthOptions
{
    public const string Section = "Wealth";

    /// <summary>The shortest period a reminder can have (with the silo's minimum lowered to match).</summary>
    public static readonly TimeSpan MinimumRebalancePeriod = TimeSpan.FromSeconds(1);

    /// <summary>Seed of the market simulator: every silo with the same seed and inception prices the same.</summary>
    public int MarketSeed { get; set; } = 20_250_102;

    /// <summary>The first NAV day (NAV 1.0000); the market has moved every weekday since.</summary>
    public DateOnly MarketInception { get; set; } = new(2025, 1, 2);

    /// <summary>The currency the funds are priced and sold in; a portfolio's account must hold it.</summary>
    public string Currency { get; set; } = "CNY";

    /// <summary>A portfolio rebalances when any holding's weight is further than this from its target (a fraction).</summary>
    public decimal DriftBand { get; set; } = 0.05m;

    /// <summary>
    /// At most one scheduled rebalance per period; also the period of each portfolio's reminder, so below a minute the
    /// silo's <c>ReminderOptions.MinimumReminderPeriod</c> (Cluster:MinimumReminderPeriod) must be lowered too (tests do).
    /// </summary>
    public TimeSpan RebalancePeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Slots the period is cut into; each portfolio's reminder fires in its own slot, spreading the load.</summary>
    public int RebalanceSlots { get; set; } = 1_440;

    /// <summary>How many portfolios a sweep (after a clock advance) ticks at once, over all book shards together.</summary>
    public int SweepParallelism { get; set; } = 64;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (DriftBand is <= 0 or >= 1)
        {
            errors.Add("Wealth:DriftBand must be a fraction between 0 and 1.");
        }

        if (RebalancePeriod < MinimumRebalancePeriod)
        {
            errors.Add("Wealth:RebalancePeriod must be at least one second.");
        }

        if (RebalanceSlots < 1 || RebalancePeriod.Ticks / Math.Max(1, RebalanceSlots) < TimeSpan.TicksPerSecond)
        {
            errors.Add("Wealth:RebalanceSlots must be at least 1 and leave each slot at least a second.");
        }

        if (SweepParallelism is < PortfolioBook.Shards or > 1_024)
        {
            errors.Add("Wealth:SweepParallelism must be between 16 (one per book shard) and 1024.");
        }

        if (string.IsNullOrWhiteSpace(Currency))
        {
            errors.Add("Wealth:Currency is required.");
        }

        return errors;
    }
}
