using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.WealthBench;

/// <summary>
/// How the portfolios' rebalance reminders fall into the period's slots (<see cref="RebalanceSchedule.SlotFor"/>).
/// Every portfolio of a slot is due at the same instant (the slot's start), so the busiest slot is also the peak of
/// reminders due in one second; without slots all of them would be due in the same second.
/// </summary>
public sealed record ReminderSpread(int Portfolios, int Slots, TimeSpan SlotLength, int MaxPerSlot, double MeanPerSlot, int EmptySlots)
{
    public static ReminderSpread Of(IEnumerable<string> portfolioIds, TimeSpan period, int slots)
    {
        ArgumentNullException.ThrowIfNull(portfolioIds);
        var perSlot = new int[slots];
        var count = 0;
        foreach (var id in portfolioIds)
        {
            perSlot[RebalanceSchedule.SlotFor(id, slots)]++;
            count++;
        }

        return new ReminderSpread(
            count, slots, TimeSpan.FromTicks(period.Ticks / slots), perSlot.Max(), (double)count / slots, perSlot.Count(c => c == 0));
    }
}
