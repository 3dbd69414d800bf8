namespace Orleans.Fin.Risk.Domain;

/// <summary>An account the customer paid (completed payments only).</summary>
public sealed class PayeeRecord
{
    public string AccountId { get; set; } = "";
    public DateTimeOffset FirstPaid { get; set; }
    public DateTimeOffset LastPaid { get; set; }
    public string FirstEventId { get; set; } = "";
    public string LastEventId { get; set; } = "";
    public int Payments { get; set; }
}
