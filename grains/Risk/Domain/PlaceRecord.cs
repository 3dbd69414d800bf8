namespace Orleans.Fin.Risk.Domain;

/// <summary>A city the customer was seen in (logins and payments).</summary>
public sealed class PlaceRecord
{
    public string? Country { get; set; }
    public string City { get; set; } = "";
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public string FirstEventId { get; set; } = "";
    public string LastEventId { get; set; } = "";
    public int Visits { get; set; }
}
