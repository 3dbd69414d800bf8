namespace Orleans.Fin.Chaos;

/// <summary>Live counts of the run, updated by the workers and the silo killer, read by the progress line.</summary>
public sealed class ChaosCounters
{
    private long _payments;
    private long _duplicates;
    private long _completed;
    private long _declined;
    private long _otherOutcomes;
    private long _refused;
    private long _lost;
    private long _kills;

    public long Payments => Interlocked.Read(ref _payments);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Completed => Interlocked.Read(ref _completed);

    public long Declined => Interlocked.Read(ref _declined);

    public long OtherOutcomes => Interlocked.Read(ref _otherOutcomes);

    public long Refused => Interlocked.Read(ref _refused);

    public long Lost => Interlocked.Read(ref _lost);

    public long Kills => Interlocked.Read(ref _kills);

    public void PaymentStarted() => Interlocked.Increment(ref _payments);

    public void DuplicateSent() => Interlocked.Increment(ref _duplicates);

    public void Killed() => Interlocked.Increment(ref _kills);

    public void Count(Answer answer)
    {
        if (answer.IsLost)
        {
            Interlocked.Increment(ref _lost);
        }
        else if (!answer.IsCreated)
        {
            Interlocked.Increment(ref _refused);
        }
        else
        {
            switch (answer.Text("status"))
            {
                case "Completed": Interlocked.Increment(ref _completed); break;
                case "Declined": Interlocked.Increment(ref _declined); break;
                default: Interlocked.Increment(ref _otherOutcomes); break;
            }
        }
    }
}
