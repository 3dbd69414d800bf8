namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// A fund order's effect once its movement has an outcome: the holdings after it, and the flow of money into the
/// portfolio it records (added to the net invested; zero when the holdings do not change).
/// </summary>
public sealed record OrderSettlement(Holdings Holdings, decimal Flow, bool Completed);
