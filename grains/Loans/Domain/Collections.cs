namespace Orleans.Fin.Loans.Domain;

/// <summary>A collection stage the loan entered, on the day it entered it.</summary>
public sealed record CollectionStep(DateOnly Date, CollectionStage Stage);

/// <summary>
/// The collection steps between two stages. When the clock jumps over several stages at once, every stage crossed is
/// a step of its own, dated the day the oldest unpaid instalment reached that stage's first day past due.
/// </summary>
public static class Collections
{
    /// <summary>The first day past due of a stage (0 for None).</summary>
    public static int FirstDay(CollectionStage stage) => stage switch
    {
        CollectionStage.SmsReminder => 1,
        CollectionStage.CallTask => 8,
        CollectionStage.ManualCollection => 31,
        CollectionStage.NonPerforming => Ageing.NonPerformingDays,
        _ => 0,
    };

    public static IReadOnlyList<CollectionStep> Steps(CollectionStage from, CollectionStage to, DateOnly? oldestUnpaidDue, DateOnly asOf)
    {
        if (to == from)
        {
            return [];
        }

        if (to < from || oldestUnpaidDue is null)
        {
            return [new CollectionStep(asOf, to)]; // paid up (or back to an earlier stage): one step on the day it happened
        }

        return [.. Enumerable.Range((int)from + 1, (int)to - (int)from)
            .Select(s => (CollectionStage)s)
            .Select(s => new CollectionStep(oldestUnpaidDue.Value.AddDays(FirstDay(s)), s))];
    }

    /// <summary>The due date of the oldest instalment that fell due before <paramref name="asOf"/> and is unpaid.</summary>
    public static DateOnly? OldestUnpaidDue(IReadOnlyList<Instalment> schedule, DateOnly asOf) =>
        schedule.Where(i => !i.Settled && i.DueDate < asOf).Select(i => (DateOnly?)i.DueDate).Min();
}
