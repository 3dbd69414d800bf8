namespace Orleans.Fin.Risk.Domain;

/// <summary>One member of a <see cref="RingWatchList"/>: a customer and when it was last recorded.</summary>
public sealed class WatchMember
{
    public string CustomerId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
