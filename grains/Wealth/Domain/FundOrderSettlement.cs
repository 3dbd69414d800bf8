namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// How a fund order settles from its movement's outcome, applied once per order. A subscription buys its units only
/// when the cash arrived; a declined one changes nothing. A redemption's units left the portfolio when it was written
/// (so nothing can sell them twice): a paid-out one changes nothing more, a declined one buys them back at the same NAVs
/// and returns the cash, so the holdings are exactly as before the order.
/// </summary>
public static class FundOrderSettlement
{
    public static OrderSettlement Subscription(Holdings current, IReadOnlyList<Trade> trades, decimal amount, bool completed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(trades);
        return completed
            ? new OrderSettlement(current.After(trades, cashIn: amount), amount, Completed: true)
            : new OrderSettlement(current, 0m, Completed: false);
    }

    public static OrderSettlement Redemption(Holdings current, IReadOnlyList<Trade> trades, decimal amount, bool completed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(trades);
        if (completed)
        {
            return new OrderSettlement(current, 0m, Completed: true);
        }

        var undo = trades.Select(t => t with { Side = TradeSide.Buy });
        return new OrderSettlement(current.After(undo, cashIn: amount), amount, Completed: false);
    }
}
