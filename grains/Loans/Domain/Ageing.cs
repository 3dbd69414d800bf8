namespace Orleans.Fin.Loans.Domain;

public enum LoanStatus
{
    Applied = 0,
    Approved = 1,
    Rejected = 2,
    Active = 3,
    Overdue = 4,
    NonPerforming = 5,
    Closed = 6,
}

/// <summary>Collection stages by days past due.</summary>
public enum CollectionStage
{
    None = 0,
    SmsReminder = 1,
    CallTask = 2,
    ManualCollection = 3,
    NonPerforming = 4,
}

/// <summary>Days past due and what follows from them: 1–7 SMS, 8–30 a call, 31–89 manual collection, 90+ non-performing.</summary>
public static class Ageing
{
    public const int NonPerformingDays = 90;

    /// <summary>Days since the oldest instalment that fell due and is not fully paid (0 when none).</summary>
    public static int DaysPastDue(IReadOnlyList<Instalment> schedule, DateOnly asOf)
    {
        var oldest = schedule.Where(i => !i.Settled && i.DueDate < asOf).Select(i => (DateOnly?)i.DueDate).Min();
        return oldest is { } due ? asOf.DayNumber - due.DayNumber : 0;
    }

    public static CollectionStage StageFor(int daysPastDue) => daysPastDue switch
    {
        <= 0 => CollectionStage.None,
        <= 7 => CollectionStage.SmsReminder,
        <= 30 => CollectionStage.CallTask,
        < NonPerformingDays => CollectionStage.ManualCollection,
        _ => CollectionStage.NonPerforming,
    };

    /// <summary>The status of a disbursed loan.</summary>
    public static LoanStatus StatusFor(IReadOnlyList<Instalment> schedule, DateOnly asOf)
    {
        if (schedule.All(i => i.Settled))
        {
            return LoanStatus.Closed;
        }

        return DaysPastDue(schedule, asOf) switch
        {
            0 => LoanStatus.Active,
            < NonPerformingDays => LoanStatus.Overdue,
            _ => LoanStatus.NonPerforming,
        };
    }
}
