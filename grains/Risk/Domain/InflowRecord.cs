namespace Orleans.Fin.Risk.Domain;

/// <summary>Money that came in (a deposit or an incoming payment) in the profile's window.</summary>
public sealed class InflowRecord
{
    public string EventId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public decimal AmountCny { get; set; }
    public string? CounterpartyAccountId { get; set; }
}
