namespace Orleans.Fin.Accounts;

/// <summary>Per-currency daily limit on what a customer account may send (payments and withdrawals).</summary>
public sealed class AccountLimitsOptions
{
    public const string Section = "Accounts";

    public Dictionary<string, decimal> DailyOutgoingLimit { get; set; } = new(StringComparer.Ordinal)
    {
        ["CNY"] = 200_000m,
        ["USD"] = 30_000m,
        ["EUR"] = 28_000m,
        ["HKD"] = 220_000m,
    };

    /// <summary>Offset of the business day from UTC (China Standard Time by default).</summary>
    public TimeSpan BusinessDayOffset { get; set; } = TimeSpan.FromHours(8);

    public decimal LimitFor(string currency) =>
        DailyOutgoingLimit.TryGetValue(currency, out var limit) ? limit : 0m;

    public DateOnly BusinessDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(BusinessDayOffset).DateTime);
}
